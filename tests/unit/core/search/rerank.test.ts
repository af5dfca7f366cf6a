/**
 * The last step of ranking: a title typed in full, and a sentence's words in the order typed,
 * say which article a person means when the words alone do not.
 */
import { describe, expect, it } from 'vitest';
import { sequenceFactor, titleFactor } from '../../../../electron/core/search/rerank';

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
});
