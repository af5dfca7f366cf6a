import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { targetFromSpan } from '../../../../electron/core/annotations/anchor';
import { placePassage, reanchorAnnotation } from '../../../../electron/core/annotations/reanchor';
import { importFile } from '../../../../electron/core/importers/import-file';
import type { Annotation, PassageTarget } from '../../../../electron/shared/models';
import { CORPUS_DIR, SEED_FILE } from '../support/corpus';

/** The text Quire keeps for a real document (text.txt), through the real importer. */
async function textOf(file: string): Promise<string> {
  const { document } = await importFile({ fileName: file, filePath: file, bytes: readFileSync(file) });
  return document.text;
}

/** A stored passage: what a reader selected in `text`. */
function passage(text: string, quote: string, occurrence = 0): PassageTarget {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`test quote not in the document: ${quote}`);
  return targetFromSpan(text, { start, end: start + quote.length });
}

const replaceOnce = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`test edit not applicable: ${from}`);
  return text.replace(from, to);
};

const bookmark = (target: PassageTarget): Annotation => ({
  id: 'ann-test-0001',
  articleId: 'article-0001',
  kind: 'bookmark',
  target,
  color: 'yellow',
  note: 'keep this',
  anchorState: 'exact',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('re-anchoring in the seed article (plain text) after it changed', () => {
  let text = '';
  const QUOTE = 'Iraq is trying to bridge the views of neighboring countries';
  beforeAll(async () => {
    text = await textOf(SEED_FILE);
  });

  it('stays where it was when the text is unchanged', () => {
    const target = passage(text, QUOTE);
    expect(placePassage(text, target)).toEqual({
      span: { start: target.position.start, end: target.position.end },
      state: 'exact',
    });
  });

  it('follows the passage when paragraphs are inserted before it', () => {
    const target = passage(text, QUOTE);
    const firstBreak = text.indexOf('\n');
    const edited = `${text.slice(0, firstBreak)}\nEditor's note: this article was updated on 2 December.\nA second inserted paragraph about the talks in Baghdad.${text.slice(firstBreak)}`;
    const placed = placePassage(edited, target);
    expect(placed?.state).toBe('exact');
    expect(edited.slice(placed!.span.start, placed!.span.end)).toBe(QUOTE);
    expect(placed!.span.start).toBeGreaterThan(target.position.start);
  });

  it('still places it exactly when words around it change', () => {
    const target = passage(text, QUOTE);
    const edited = replaceOnce(
      replaceOnce(text, 'as "strong," noting that Iraq', 'as "very strong," and said that Iraq'),
      'neighboring countries.\nFM Hussein said',
      'neighboring countries, officials said.\nFM Hussein said',
    );
    const placed = placePassage(edited, target);
    expect(placed?.state).toBe('exact');
    expect(edited.slice(placed!.span.start, placed!.span.end)).toBe(QUOTE);
  });

  it('places it fuzzily on the new wording when a word inside it changes', () => {
    const target = passage(text, QUOTE);
    const edited = replaceOnce(text, QUOTE, 'Iraq is trying to bridge the positions of neighboring countries');
    const placed = placePassage(edited, target);
    expect(placed?.state).toBe('fuzzy');
    expect(edited.slice(placed!.span.start, placed!.span.end)).toMatch(/^Iraq is trying to bridge the positions of neighboring countr/);
  });

  it('cannot place it when the passage was deleted, and keeps it with its quote and note', () => {
    const target = passage(text, QUOTE);
    const paragraphStart = text.lastIndexOf('\n', target.position.start) + 1;
    const paragraphEnd = text.indexOf('\n', target.position.end);
    const edited = text.slice(0, paragraphStart) + text.slice(paragraphEnd + 1);
    expect(placePassage(edited, target)).toBeNull();
    const kept = reanchorAnnotation(edited, bookmark(target));
    expect(kept.anchorState).toBe('unplaced');
    expect(kept.target?.quote.exact).toBe(QUOTE);
    expect(kept.note).toBe('keep this');
  });

  it('picks the occurrence whose context matches when the quote is repeated', () => {
    // "neighboring Iran" appears once; "Iran" many times: a short quote found by its context.
    const target = passage(text, 'Iran', 3);
    const before = text.slice(target.position.start - 40, target.position.end + 40);
    const edited = `Iran, Iran and Iran in a new opening line.\n${text}`;
    const placed = placePassage(edited, target);
    expect(placed?.state).toBe('exact');
    expect(edited.slice(placed!.span.start - 40, placed!.span.end + 40)).toBe(before);
  });

  it('does not take a different short word for a changed one (no false placement)', () => {
    const target = passage(text, 'Fuad Hussein');
    const edited = text.replaceAll('Fuad Hussein', 'the minister');
    expect(placePassage(edited, target)).toBeNull();
  });
});

describe('re-anchoring a long passage in a real web page (Guardian)', () => {
  let text = '';
  beforeAll(async () => {
    text = await textOf(path.join(CORPUS_DIR, 'web-pages', 'guardian-1', 'source.html'));
  });

  it('places a 400-character passage fuzzily after an edit inside it and a paragraph inserted before', () => {
    const start = Math.floor(text.length / 2);
    const target = targetFromSpan(text, { start, end: start + 400 });
    const exact = target.quote.exact;
    const middle = exact.indexOf(' ', 200);
    const changed = `${exact.slice(0, middle)} (updated)${exact.slice(middle)}`;
    const edited = `A correction was appended to this article.\n${text.replace(exact, changed)}`;
    const placed = placePassage(edited, target);
    expect(placed?.state).toBe('fuzzy');
    expect(edited.slice(placed!.span.start, placed!.span.end)).toBe(changed);
  });

  it('gives the re-anchored annotation selectors over the new text', () => {
    const target = passage(text, text.slice(1000, 1080));
    const edited = `New first paragraph.\n${text}`;
    const moved = reanchorAnnotation(edited, bookmark(target));
    expect(moved.anchorState).toBe('exact');
    expect(moved.target?.position.start).toBe(1000 + 'New first paragraph.\n'.length);
    expect(moved.target?.quote.prefix).toBe(edited.slice(moved.target!.position.start - 32, moved.target!.position.start));
  });
});
