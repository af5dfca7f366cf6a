/**
 * The last step of ranking: a title typed in full, and a sentence's words in the order typed,
 * say which article a person means when the words alone do not.
 */
import { describe, expect, it } from 'vitest';
import { sequenceFactor, titleFactor, typedFactor, wordsAsTyped } from '../../../../electron/core/search/rerank';
import { seededRandom } from '../../../support/seeded-random';

const words = (text: string) => text.toLowerCase().split(/\s+/);

describe('titleFactor', () => {
  it('ranks a title typed in full above one holding some of its words', () => {
    const query = words('the hidden heroines of chaos');
    const full = titleFactor('The Hidden Heroines of Chaos', query);
    const partial = titleFactor('Chaos theory for beginners', query);
    expect(full).toBe(3);
    expect(partial).toBeGreaterThan(1);
    expect(partial).toBeLessThan(1.5);
    expect(titleFactor('Keeping bees', query)).toBe(1);
  });

  it('counts a run of the title typed as it reads', () => {
    const run = titleFactor('Unreliable Guide To Locking — The Linux Kernel documentation', words('guide to locking'));
    const scattered = titleFactor('Unreliable Guide To Locking — The Linux Kernel documentation', words('locking guide to'));
    expect(run).toBeGreaterThan(scattered + 0.9);
  });
});

describe('sequenceFactor', () => {
  const sentence = words('ellen fetter ran the climate simulations on the computer');

  it('scores a text holding the sentence (one word changed) far above one holding its words apart', () => {
    const source = ['Ellen Fetter ran the weather simulations on the computer at night.'];
    const scattered = ['Simulations of climate: Fetter and Ellen used a computer when it ran.'];
    expect(sequenceFactor(source, sentence)).toBeGreaterThan(6);
    expect(sequenceFactor(scattered, sentence)).toBeLessThan(2);
  });

  it('reads case, accents and punctuation as the index does, and stops at the first text that holds it all', () => {
    expect(sequenceFactor(['Café, Crème!'], words('cafe creme'))).toBe(11);
    let read = 0;
    const texts = function* () {
      yield 'cafe creme';
      read += 1;
      yield 'never needed';
    };
    expect(sequenceFactor(texts(), words('cafe creme'))).toBe(11);
    expect(read).toBe(0);
  });

  it('leaves out pairs of common words, which any long text holds', () => {
    const question = words('what is the butterfly effect');
    const book = ['What is the use of it? It is the sea that holds every effect of the storm.'];
    // "what is" and "is the" are in the book; the question's own pairs are not.
    expect(sequenceFactor(book, question, new Set(['butterfly', 'effect']))).toBe(1);
    expect(sequenceFactor(book, question)).toBeGreaterThan(2);
  });
});

describe('wordsAsTyped', () => {
  it('counts the words a text holds as typed, not another form of the same stem', () => {
    expect(wordsAsTyped(['The river running past the mill.'], ['running', 'mill'])).toBe(2);
    expect(wordsAsTyped(['The river runs past the mills.'], ['running', 'mill'])).toBe(0);
    // Whole words only: "mill" is not in "Miller" or "windmill".
    expect(wordsAsTyped(['Miller built a windmill.'], ['mill'])).toBe(0);
  });

  it('ignores case, and compares a word typed with accents as the index folds it', () => {
    expect(wordsAsTyped(['CAFÉ CRÈME au Lait'], ['café', 'lait'])).toBe(2);
    expect(wordsAsTyped(['Über den Wolken'], ['über'])).toBe(1);
    expect(wordsAsTyped(['Uber den Wolken'], ['über'])).toBe(0);
  });

  it('reads a later text only while a word is missing', () => {
    let read = 0;
    const texts = function* () {
      yield 'Running';
      read += 1;
      yield 'never needed';
    };
    expect(wordsAsTyped(texts(), ['running'])).toBe(1);
    expect(read).toBe(0);
  });
});

describe('every ranking factor', () => {
  // The engine takes a page's hits from the reranked pool alone: that holds only if ranking never
  // lowers a score (a lowered one could fall below a match outside the pool).
  it('is at least 1, whatever the query and the texts', () => {
    const next = seededRandom(7);
    const vocabulary = ['the', 'kernel', 'kernels', 'Driver', 'drivers', 'café', 'cafe', 'of', 'a', 'Ishmael', 'call', 'me', '—', '42'];
    const phrase = (length: number) => Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(' ');
    for (let i = 0; i < 500; i += 1) {
      const query = words(phrase(1 + Math.floor(next() * 6)));
      const texts = [phrase(Math.floor(next() * 5)), phrase(Math.floor(next() * 40))];
      expect(titleFactor(phrase(Math.floor(next() * 6)), query)).toBeGreaterThanOrEqual(1);
      expect(typedFactor(texts, query)).toBeGreaterThanOrEqual(1);
      expect(sequenceFactor(texts, query)).toBeGreaterThanOrEqual(1);
    }
  });
});
