/**
 * The title of a PDF. Its metadata title is often no title at all: what the writing program filled
 * in ("Untitled", "Microsoft Word - draft3.docx", a file name) or the name of the publisher or site
 * a page was printed from ("Quanta Magazine", printed small at the top of the page). The title a
 * reader sees is then the largest text of the first page, as Zotero and Calibre read it.
 */
import type { Line } from './reflow';

/** Titles that PDF writers fill in by themselves and that say nothing about the document. */
const WRITER_TITLE =
  /^(?:untitled(?: document)?|no title|title|document\d*|slide \d+|powerpoint presentation|(?:microsoft )?(?:word|powerpoint|excel) - .*|.*\.(?:docx?|odt|rtf|pdf|tex|dvi|indd|qxd|pptx?|html?)|[a-z]:\\.*|\/.*)$/i;

/** Lower case, accents kept, runs of spaces and punctuation made one space: how a title is compared. */
const folded = (text: string): string =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();

const stem = (fileName: string): string => (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');

/** True when the metadata title is one a program wrote, or the file's own name. */
export function isWriterTitle(title: string, fileName: string): boolean {
  return (
    WRITER_TITLE.test(title.trim()) ||
    // Markup pasted into the field by a page-layout program (`<b>Name<b><br><p class=…>`).
    /<\/?[a-z][^>]*>/i.test(title) ||
    (stem(fileName) !== '' && folded(title) === folded(stem(fileName)))
  );
}

const MAX_TITLE_LENGTH = 250;
/** The title's type must stand out from the text's: a page set in one size has no title line. */
const LARGER_THAN_BODY = 1.2;

/**
 * The largest text of a page: the first run of consecutive lines (in reading order) set in the
 * largest size, skipping a size whose text is too short to be a title (a drop cap, a page
 * number, a bullet). Null when no text stands out from the body.
 */
export function largestText(lines: readonly Line[]): { text: string; size: number } | null {
  const sized = lines.filter((line) => line.text.trim() !== '');
  if (sized.length === 0) return null;
  const bodySize = mostCommonSize(sized);
  const sizes = [...new Set(sized.map((line) => roundSize(line.size)))].sort((a, b) => b - a);
  for (const size of sizes) {
    if (size < bodySize * LARGER_THAN_BODY) return null;
    const at = (line: Line) => Math.abs(roundSize(line.size) - size) < 0.25;
    const first = sized.findIndex(at);
    const group: string[] = [];
    for (let i = first; i < sized.length && at(sized[i]!); i += 1) group.push(sized[i]!.text.trim());
    const text = group.join(' ').replace(/\s+/g, ' ').trim();
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters >= 4 && text.length <= MAX_TITLE_LENGTH) return { text, size };
  }
  return null;
}

const roundSize = (size: number): number => Math.round(size * 2) / 2;

function mostCommonSize(lines: readonly Line[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(roundSize(line.size), (characters.get(roundSize(line.size)) ?? 0) + line.text.length);
  return [...characters].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * The document's title: the metadata's unless it is a writer's placeholder or a name printed on
 * the first page in smaller type than its largest text (a masthead, a publisher, a site); then the
 * first page's largest text. Null when neither gives one.
 */
export function chooseTitle(metaTitle: string | null, firstPage: readonly Line[], fileName: string): string | null {
  const largest = largestText(firstPage);
  const meta = metaTitle !== null && metaTitle.trim() !== '' && !isWriterTitle(metaTitle, fileName) ? metaTitle.trim() : null;
  if (largest === null) return meta;
  if (meta === null) return largest.text;
  const metaKey = folded(meta);
  if (metaKey === folded(largest.text)) return meta;
  const printedSmaller = firstPage.some((line) => roundSize(line.size) < largest.size && folded(line.text) === metaKey);
  return printedSmaller ? largest.text : meta;
}
