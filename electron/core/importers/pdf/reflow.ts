/**
 * A PDF holds positioned runs of glyphs, not paragraphs. This turns the runs of each page into
 * lines (runs on one baseline, left to right; the columns of a two-column page one after the other), drops the lines repeated at the top or bottom of
 * most pages (running headers, footers, page numbers), and joins lines into paragraphs where the
 * vertical gap is no larger than the usual line spacing, mending words hyphenated at a line end.
 */

/** One run of text as pdf.js reports it, in page units (y grows upwards). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** font size (the height of the run's text matrix) */
  size: number;
}

export interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** A block of the reflowed document; `pages` are the pages whose first text starts inside it. */
export interface Block {
  kind: 'heading' | 'paragraph';
  /** pieces of text, with page starts between them */
  parts: ({ text: string } | { page: number })[];
  size: number;
}

/**
 * The runs of a page in reading order, for pages set in two columns: the runs spanning the gutter
 * above the columns (a title, an abstract) first, then the left column, the right column, and what
 * spans the gutter below them. A page with no clear gutter is one group.
 */
export function columnsOf(runs: readonly TextRun[]): TextRun[][] {
  const visible = runs.filter((run) => run.text.trim() !== '' && run.width > 0);
  if (visible.length < 10) return [[...runs]];
  const left = Math.min(...visible.map((run) => run.x));
  const right = Math.max(...visible.map((run) => run.x + run.width));
  const width = right - left;
  if (width <= 0) return [[...runs]];
  // How many runs cover each 2-unit slice of the middle of the text block.
  const BIN = 2;
  const bins = new Array<number>(Math.ceil(width / BIN) + 1).fill(0);
  for (const run of visible) {
    for (let b = Math.floor((run.x - left) / BIN); b <= Math.floor((run.x + run.width - left) / BIN); b += 1) bins[b]! += 1;
  }
  const tolerated = Math.max(1, visible.length * 0.05); // a title or a rule may cross the gutter
  let best: { from: number; to: number } | null = null;
  let start = -1;
  for (let b = Math.floor(bins.length * 0.3); b <= Math.ceil(bins.length * 0.7); b += 1) {
    if ((bins[b] ?? Infinity) <= tolerated) {
      if (start < 0) start = b;
      if (!best || b - start > best.to - best.from) best = { from: start, to: b };
    } else start = -1;
  }
  if (!best || (best.to - best.from + 1) * BIN < 8) return [[...runs]];
  const gutter = left + ((best.from + best.to + 1) / 2) * BIN;
  const leftRuns = runs.filter((run) => run.x + run.width <= gutter);
  const rightRuns = runs.filter((run) => run.x >= gutter);
  const spanning = runs.filter((run) => run.x < gutter && run.x + run.width > gutter);
  // Both sides must hold lines of real text, or this is a margin note or a list of page numbers.
  const holdsText = (side: TextRun[]): boolean =>
    side.length >= visible.length * 0.2 && Math.max(...side.map((run) => run.width)) >= width * 0.3;
  if (!holdsText(leftRuns) || !holdsText(rightRuns)) return [[...runs]];
  const columnsTop = Math.max(...[...leftRuns, ...rightRuns].map((run) => run.y));
  return [
    spanning.filter((run) => run.y > columnsTop),
    leftRuns,
    rightRuns,
    spanning.filter((run) => run.y <= columnsTop),
  ].filter((group) => group.length > 0);
}

/** Runs on one baseline (within a fraction of the font size) form a line. */
export function linesOf(runs: readonly TextRun[]): Line[] {
  const sorted = runs.filter((run) => run.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    if (group && first && Math.abs(first.y - run.y) <= Math.max(first.size, run.size) * 0.4) group.push(run);
    else groups.push([run]);
  }
  return groups.flatMap((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of group) {
      // A visible gap between runs is a space the PDF did not spell out.
      const gap = run.x - end;
      if (text !== '' && gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
      text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean === '') return [];
    const size = Math.max(...group.map((run) => run.size));
    return [{ text: clean, x: group[0]!.x, y: group[0]!.y, size }];
  });
}

/**
 * A header or footer line reads the same on each page once its numbers are set aside, and sits
 * at the same height.
 */
const shapeOf = (line: Line): string => `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#').toLowerCase()}`;

const EDGE_LINES = 2;

/** "12", "- 12 -", "Page 12 of 30", "xiv": what a page number looks like on its own. */
const PAGE_NUMBER = /^[-–—\s]*(?:page\s*)?(?:\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[ivxlc]{1,7})[-–—\s]*$/i;

/** A contents line: a title, dot leaders, a page number. Each is a line of its own. */
const CONTENTS_LINE = /(?:\s?\.){4,}\s*(?:\d{1,4}|[ivxlc]{1,7})$/i;

/**
 * Removes the lines that repeat at the top or the bottom of most pages. A document of one page has
 * nothing to compare, and keeps every line.
 */
export function withoutRunningLines(pages: readonly Line[][]): Line[][] {
  const withText = pages.filter((lines) => lines.length > 0).length;
  if (withText < 2) return pages.map((lines) => [...lines]);
  const seenOn = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)].map(shapeOf));
    for (const shape of edges) seenOn.set(shape, (seenOn.get(shape) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(withText * 0.6));
  const running = new Set([...seenOn].filter(([, count]) => count >= needed).map(([shape]) => shape));
  // A bare page number differs on every page ("3", "4"…) but always has the same shape.
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const atEdge = index < EDGE_LINES || index >= lines.length - EDGE_LINES;
      return !(atEdge && (running.has(shapeOf(line)) || PAGE_NUMBER.test(line.text)));
    }),
  );
}

/** The font size most of the text is set in (counted in characters, so a long paragraph outweighs a title). */
function bodyTextSize(lines: readonly Line[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    characters.set(size, (characters.get(size) ?? 0) + line.text.length);
  }
  let best: [number, number] = [1, -1];
  for (const entry of characters) if (entry[1] > best[1]) best = entry;
  return best[0];
}

/**
 * The usual distance between two lines of a paragraph: the gap seen most often (paragraph breaks
 * are rarer than line breaks in any real text), the smaller one on a tie.
 */
function mostCommon(gaps: number[]): number | null {
  const counts = new Map<number, number>();
  for (const gap of gaps) {
    const rounded = Math.round(gap * 2) / 2;
    counts.set(rounded, (counts.get(rounded) ?? 0) + 1);
  }
  let best: [number, number] | null = null;
  for (const [gap, count] of counts) if (!best || count > best[1] || (count === best[1] && gap < best[0])) best = [gap, count];
  return best?.[0] ?? null;
}

/** A word broken at the end of a line ("recog-" + "nised") is joined again. */
function joinLines(previous: string, next: string): string {
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return previous.slice(0, -1) + next;
  return `${previous} ${next}`;
}

const endsSentence = (text: string): boolean => /[.!?:;"”’)\]]$/.test(text);

export function blocksOf(pages: readonly Line[][]): Block[] {
  const bodySize = bodyTextSize(pages.flat());
  const spacings: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i += 1) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (gap > 0 && Math.abs(lines[i]!.size - bodySize) < bodySize * 0.1) spacings.push(gap);
    }
  }
  const lineSpacing = mostCommon(spacings) ?? bodySize * 1.2;

  const blocks: Block[] = [];
  let current: Block | null = null;
  let lastText = '';
  const flush = (): void => {
    if (current) blocks.push(current);
    current = null;
  };
  const appendText = (block: Block, text: string): void => {
    const last = block.parts[block.parts.length - 1];
    if (last && 'text' in last) last.text = joinLines(last.text, text);
    else if (block.parts.some((part) => 'text' in part)) {
      // Text after a page start: join it to the text before the marker, hyphen and all.
      const textParts = block.parts.filter((part): part is { text: string } => 'text' in part);
      const previous = textParts[textParts.length - 1]!;
      const joined = joinLines(previous.text, text);
      const glued = joined.length === previous.text.length - 1 + text.length;
      if (glued) {
        previous.text = previous.text.slice(0, -1);
        block.parts.push({ text });
      } else block.parts.push({ text: ` ${text}` });
    } else block.parts.push({ text });
  };

  pages.forEach((lines, pageIndex) => {
    const page = pageIndex + 1;
    let pendingPage: number | null = page;
    let previous: Line | null = null;
    for (const line of lines) {
      const isHeading = line.size >= bodySize * 1.25 && line.text.length <= 200;
      const kind: Block['kind'] = isHeading ? 'heading' : 'paragraph';
      const continues: boolean =
        current !== null &&
        (current as Block).kind === kind &&
        Math.abs((current as Block).size - line.size) < bodySize * 0.1 &&
        (previous && previous.y > line.y
          ? previous.y - line.y <= lineSpacing * 1.35 // the next line of the same paragraph
          : // across a page or column break: only a sentence cut in the middle goes on
            kind === 'paragraph' && !endsSentence(lastText) && /^\p{Ll}/u.test(line.text));
      if (!continues) {
        flush();
        current = { kind, parts: [], size: line.size };
      }
      const block = current!;
      if (pendingPage !== null) {
        block.parts.push({ page: pendingPage });
        pendingPage = null;
      }
      appendText(block, line.text);
      lastText = line.text;
      previous = line;
      if (CONTENTS_LINE.test(line.text)) flush();
    }
  });
  flush();
  return blocks;
}
