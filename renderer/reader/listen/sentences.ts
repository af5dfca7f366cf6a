/**
 * The article's text cut into what read-aloud speaks one at a time: sentences by the language's
 * own rules (Intl.Segmenter), each as offsets into text.txt — the same coordinates as bookmarks,
 * so the sentence being heard can be highlighted and bookmarked. A very long sentence is cut
 * again at a comma or a space: some voices stop speaking a long utterance halfway.
 */
import type { TextSpan } from '../../../electron/shared/models';

/** About ten seconds of speech. */
export const MAX_SPOKEN_CHARS = 240;

function trimmed(text: string, start: number, end: number): TextSpan | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}

/** Cuts a long span after the last comma-like mark (else space) before the limit. */
function cutLong(text: string, span: TextSpan): TextSpan[] {
  const pieces: TextSpan[] = [];
  let start = span.start;
  while (span.end - start > MAX_SPOKEN_CHARS) {
    const window = text.slice(start, start + MAX_SPOKEN_CHARS);
    const comma = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf('، '), window.lastIndexOf('、'));
    const space = window.lastIndexOf(' ');
    const cut = comma > MAX_SPOKEN_CHARS / 3 ? comma + 1 : space > MAX_SPOKEN_CHARS / 3 ? space : MAX_SPOKEN_CHARS;
    const piece = trimmed(text, start, start + cut);
    if (piece) pieces.push(piece);
    start += cut;
  }
  const last = trimmed(text, start, span.end);
  if (last) pieces.push(last);
  return pieces;
}

export function spokenSentences(text: string, lang: string | null): TextSpan[] {
  const segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
  const spans: TextSpan[] = [];
  for (const segment of segmenter.segment(text)) {
    // A paragraph break ends a sentence even without a full stop (headings, list items).
    let start = segment.index;
    for (const line of segment.segment.split('\n')) {
      const span = trimmed(text, start, start + line.length);
      if (span) spans.push(...cutLong(text, span));
      start += line.length + 1;
    }
  }
  return spans;
}

/** The sentence holding `offset`, else the first after it, else the last. */
export function sentenceAt(sentences: readonly TextSpan[], offset: number): number {
  const index = sentences.findIndex((sentence) => sentence.end > offset);
  return index === -1 ? Math.max(0, sentences.length - 1) : index;
}
