/**
 * PDFs through Mozilla's pdf.js (the legacy build, made for Node), with everything that could run
 * code or reach outside switched off: no font loading, no system fonts, no fetching, no XFA (pdf.js
 * 6 no longer compiles font programs with eval at all, so that switch is gone). Only the text layer is read; it is reflowed into paragraphs (see reflow.ts)
 * and each page's start is kept as an empty `<span id="page-N">` so a page can be linked to.
 */
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { QuireError } from '../../../shared/result';
import { say } from '../../../shared/i18n/core-sentences';
import { sentenceError } from '../../../shared/i18n/english-sentence';
import { domWindow } from '../dom-window';
import { cleanLine, type ImportedDocument, isoDate, localDocument, titleFromFileName } from '../imported-document';
import { normalizeReaderHtml } from '../normalize-html';
import { chooseTitle } from './pdf-title';
import { type Block, blocksOf, columnsOf, type Line, linesOf, type TextRun, withoutRunningLines } from './reflow';

const passwordProtected = (): QuireError =>
  sentenceError('import-failed', say('core.import.pdfPassword'));
const noTextLayer = (): QuireError =>
  sentenceError('import-failed', say('core.import.pdfNoTextLayer'));
const damagedPdf = (): QuireError =>
  sentenceError('import-failed', say('core.import.pdfDamaged'));

async function openPdf(bytes: Uint8Array): Promise<{ pdf: PDFDocumentProxy; close: () => Promise<void> }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return { pdf: await task.promise, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    if (error instanceof Error && error.name === 'PasswordException') throw passwordProtected();
    throw damagedPdf();
  }
}

const isTextItem = (item: object): item is TextItem => 'str' in item && 'transform' in item;

/** `onPage(done, total)` before each page is read, and once all are. */
type OnPage = (done: number, total: number) => void;

async function pageLines(pdf: PDFDocumentProxy, onPage: OnPage | undefined): Promise<Line[][]> {
  const pages: Line[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    onPage?.(number - 1, pdf.numPages);
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const runs: TextRun[] = content.items.filter(isTextItem).map((item) => {
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      return { text: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height };
    });
    pages.push(columnsOf(runs).flatMap(linesOf));
    page.cleanup();
  }
  onPage?.(pdf.numPages, pdf.numPages);
  return pages;
}

function render(blocks: readonly Block[]): HTMLElement {
  const doc = domWindow().document;
  const root = doc.createElement('div');
  for (const block of blocks) {
    const element = doc.createElement(block.kind === 'heading' ? 'h2' : 'p');
    for (const part of block.parts) {
      if ('page' in part) {
        const marker = doc.createElement('span');
        marker.id = `page-${part.page}`;
        element.append(marker);
      } else element.append(part.text);
    }
    root.append(element);
  }
  return root;
}

export async function importPdf(fileName: string, bytes: Uint8Array, { onPage }: { onPage?: OnPage } = {}): Promise<ImportedDocument> {
  const { pdf, close } = await openPdf(bytes);
  try {
    const allLines = await pageLines(pdf, onPage);
    const pages = withoutRunningLines(allLines);
    const blocks = blocksOf(pages);
    if (!blocks.some((block) => block.parts.some((part) => 'text' in part && part.text.trim() !== ''))) {
      throw noTextLayer();
    }
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
    const field = (name: string): string | null => {
      const value = (info as Record<string, unknown>)[name];
      return typeof value === 'string' ? cleanLine(value) : null;
    };
    // Running lines count here: a masthead printed on every page is what shows a publisher's name.
    const title = chooseTitle(field('Title'), allLines[0] ?? [], fileName) ?? firstHeading(blocks);

    // The first heading repeats the title the reader already shows above the text.
    const first = blocks[0];
    if (title !== null && first?.kind === 'heading' && cleanLine(textOf(first)) === title) {
      const pageStarts = first.parts.filter((part) => 'page' in part);
      blocks.shift();
      if (blocks[0]) blocks[0].parts.unshift(...pageStarts);
    }
    return localDocument(normalizeReaderHtml(render(blocks)), {
      title: title ?? titleFromFileName(fileName),
      byline: field('Author'),
      lang: field('Lang'),
      publishedAt: pdfDate(field('CreationDate')),
    });
  } finally {
    await close();
  }
}

const textOf = (block: Block): string => block.parts.map((part) => ('text' in part ? part.text : '')).join('');

/** The first heading of the first page: the title when the metadata has none. */
function firstHeading(blocks: readonly Block[]): string | null {
  const heading = blocks.find((block) => block.kind === 'heading');
  const onFirstPage = heading && !blocks.slice(0, blocks.indexOf(heading) + 1).some((b) => b.parts.some((p) => 'page' in p && p.page > 1));
  return onFirstPage ? cleanLine(textOf(heading)) : null;
}

/** PDF dates look like `D:20240131120000+01'00'`. */
function pdfDate(value: string | null): string | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value ?? '');
  if (!match) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone] = match;
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  return isoDate(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
}
