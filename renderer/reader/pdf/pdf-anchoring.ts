/**
 * The page view and the text view share one text model: `text.txt`, passages as offsets into it.
 * The page view shows pdf.js's text layer instead, whose text differs from `text.txt` in
 * everything the importer reflowed: whitespace and line ends, words hyphenated at a line end,
 * running headers and page numbers (dropped from `text.txt`), two columns read in order. So a
 * passage is found on a page by its letters and digits alone ("keys"), within that page's part of
 * `text.txt` (between the importer's page markers); when its letters occur more than once there,
 * the letters around it decide (as a stored quote's prefix and suffix do), then its relative place
 * on the page. A selection on the page goes back the same way.
 */
import type { TextSpan } from '../text-offsets';

/** A text reduced to its lower-case letters and digits, each with its index in the source. */
export interface KeyedText {
  key: string;
  /** `source[i]` is the index in the original text of the key's i-th UTF-16 unit */
  source: number[];
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function keyed(text: string): KeyedText {
  let key = '';
  const source: number[] = [];
  let index = 0;
  for (const character of text) {
    if (WORD_CHARACTER.test(character)) {
      // Folded one character at a time, so each key unit keeps its source index (ligatures such as
      // "ﬁ" unfold to two units of the same source character).
      const folded = character.normalize('NFKC').toLocaleLowerCase();
      for (let i = 0; i < folded.length; i += 1) {
        key += folded[i];
        source.push(index);
      }
    }
    index += character.length;
  }
  return { key, source };
}

/** Every start of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** How far back (and forward) the letters around a passage are compared. */
const CONTEXT = 32;

function sharedBefore(haystack: string, at: number, before: string): number {
  let n = 0;
  while (n < CONTEXT && n < at && n < before.length && haystack[at - 1 - n] === before[before.length - 1 - n]) n += 1;
  return n;
}

function sharedAfter(haystack: string, from: number, after: string): number {
  let n = 0;
  while (n < CONTEXT && from + n < haystack.length && n < after.length && haystack[from + n] === after[n]) n += 1;
  return n;
}

/**
 * Of the places `wanted` occurs, the one whose surrounding letters agree best with the passage's
 * own (as the stored quote's prefix and suffix decide between repeats), then the one nearest where
 * it would be in proportion (a running header on the page shifts everything after it).
 */
function bestOccurrence(haystack: string, wanted: string, before: string, after: string, estimate: number): number | null {
  let best: { at: number; score: number } | null = null;
  for (const at of occurrences(haystack, wanted)) {
    const score = sharedBefore(haystack, at, before) + sharedAfter(haystack, at + wanted.length, after);
    if (!best || score > best.score || (score === best.score && Math.abs(at - estimate) < Math.abs(best.at - estimate))) best = { at, score };
  }
  return best?.at ?? null;
}

/** The page ranges of `text.txt`: page N (1-based) spans `[starts[N-1], starts[N])`. */
export function pageOfOffset(pageStarts: readonly number[], offset: number): number {
  let page = 1;
  for (let i = 0; i < pageStarts.length; i += 1) if (pageStarts[i]! <= offset) page = i + 1;
  return page;
}

export function pageSlice(pageStarts: readonly number[], page: number, textLength: number): TextSpan {
  // A page past the last marker holds none of the text.
  return { start: pageStarts[page - 1] ?? textLength, end: pageStarts[page] ?? textLength };
}

/**
 * Where the part of `passage` (offsets into `text`) that lies on `page` is in that page's text
 * layer string; null when its letters are not there (the passage is a figure's caption that the
 * text layer splits differently, or the page's text was not read at import).
 */
export function passageOnPage(
  text: string,
  pageStarts: readonly number[],
  page: number,
  passage: TextSpan,
  layerText: string,
): TextSpan | null {
  const slice = pageSlice(pageStarts, page, text.length);
  const start = Math.max(passage.start, slice.start);
  const end = Math.min(passage.end, slice.end);
  if (end <= start) return null;
  const wanted = keyed(text.slice(start, end)).key;
  const before = keyed(text.slice(Math.max(0, start - CONTEXT * 4), start)).key;
  const after = keyed(text.slice(end, end + CONTEXT * 4)).key;
  const layer = keyed(layerText);
  // Where the passage would sit on the page if the layer held just the page's text, in proportion.
  const keysBefore = keyed(text.slice(slice.start, start)).key.length;
  const pageKeys = Math.max(1, keyed(text.slice(slice.start, slice.end)).key.length);
  const at = bestOccurrence(layer.key, wanted, before, after, (keysBefore / pageKeys) * layer.key.length);
  if (at === null || wanted === '') return null;
  const last = at + wanted.length - 1;
  return { start: layer.source[at]!, end: layer.source[last]! + 1 };
}

/**
 * The passage of `text` that a selection on `page` covers (`selected`: offsets into the page's text
 * layer string), or null when its letters are not in the page's part of `text.txt` (a running
 * header, a page number: text the importer left out).
 */
export function selectionToPassage(
  text: string,
  pageStarts: readonly number[],
  page: number,
  layerText: string,
  selected: TextSpan,
): TextSpan | null {
  const layer = keyed(layerText);
  const firstKey = layer.source.findIndex((index) => index >= selected.start);
  if (firstKey === -1) return null;
  let endKey = layer.source.findIndex((index) => index >= selected.end);
  if (endKey === -1) endKey = layer.source.length;
  const wanted = layer.key.slice(firstKey, endKey);
  if (wanted === '') return null;
  const slice = pageSlice(pageStarts, page, text.length);
  const pageText = keyed(text.slice(slice.start, slice.end));
  const before = layer.key.slice(Math.max(0, firstKey - CONTEXT), firstKey);
  const after = layer.key.slice(endKey, endKey + CONTEXT);
  const at = bestOccurrence(pageText.key, wanted, before, after, (firstKey / Math.max(1, layer.key.length)) * pageText.key.length);
  if (at === null) return null;
  return { start: slice.start + pageText.source[at]!, end: slice.start + pageText.source[at + wanted.length - 1]! + 1 };
}

/**
 * The text offsets, in the article's text, of the elements of `html` whose id `wanted` picks: where
 * each such element's text starts. The text is the HTML's text nodes, as the text view's is.
 */
export function textOffsetsOfIds(html: string, wanted: (id: string) => boolean): { offsets: Map<string, number>; length: number } {
  const template = document.createElement('template');
  template.innerHTML = html;
  const offsets = new Map<string, number>();
  let offset = 0;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) offset += (node as Text).data.length;
    else if ((node as Element).id && wanted((node as Element).id) && !offsets.has((node as Element).id)) offsets.set((node as Element).id, offset);
  }
  return { offsets, length: offset };
}

/** A list of page starts with holes filled: a page whose text was not kept starts where the next one does. */
export function fillPageStarts(starts: readonly (number | undefined)[], textLength: number): number[] {
  const filled: number[] = [];
  for (let i = starts.length - 1; i >= 0; i -= 1) filled[i] = starts[i] ?? filled[i + 1] ?? textLength;
  return filled;
}

/** The offsets of the importer's page markers (`<span id="page-N">`) in the article's text. */
export function pageStartsOf(html: string): number[] {
  const { offsets, length } = textOffsetsOfIds(html, (id) => /^page-\d+$/.test(id));
  const starts: (number | undefined)[] = [];
  for (const [id, offset] of offsets) starts[Number(id.slice('page-'.length)) - 1] = offset;
  return fillPageStarts(Array.from(starts), length);
}

/** One end of a selection on a drawn page: the page, its text, and the offset into that text. */
export interface PageSelectionEnd {
  page: number;
  layerText: string;
  offset: number;
}

/**
 * The passage of `text` a selection on the pages covers, from one end to the other (across pages:
 * the start's page from the start on, the end's page up to the end), or null.
 */
export function selectionAcrossPages(text: string, pageStarts: readonly number[], from: PageSelectionEnd, to: PageSelectionEnd): TextSpan | null {
  if (from.page === to.page) return to.offset > from.offset ? selectionToPassage(text, pageStarts, from.page, from.layerText, { start: from.offset, end: to.offset }) : null;
  const head = selectionToPassage(text, pageStarts, from.page, from.layerText, { start: from.offset, end: from.layerText.length });
  const tail = selectionToPassage(text, pageStarts, to.page, to.layerText, { start: 0, end: to.offset });
  return head && tail && tail.end > head.start ? { start: head.start, end: tail.end } : (head ?? tail);
}
