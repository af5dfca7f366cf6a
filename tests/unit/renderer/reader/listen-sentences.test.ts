import { describe, expect, it } from 'vitest';
import { MAX_SPOKEN_CHARS, sentenceAt, spokenSentences } from '../../../../renderer/reader/listen/sentences';

const spoken = (text: string, lang: string | null) => spokenSentences(text, lang).map((span) => text.slice(span.start, span.end));

describe('what read-aloud speaks at a time', () => {
  it('sentences by the language, a heading or list line on its own, no empty ones', () => {
    const text = 'Rivers of Iraq\nThe Tigris rises in Turkey. It meets the Euphrates at Qurna!  Does it flood?\n\n— \n';
    expect(spoken(text, 'en')).toEqual(['Rivers of Iraq', 'The Tigris rises in Turkey.', 'It meets the Euphrates at Qurna!', 'Does it flood?']);
  });

  it('Japanese and Arabic sentences by their own marks', () => {
    expect(spoken('川は長い。海に注ぐ。', 'ja')).toEqual(['川は長い。', '海に注ぐ。']);
    expect(spoken('يلتقي النهران في القرنة. ثم يصبان في الخليج؟', 'ar')).toEqual(['يلتقي النهران في القرنة.', 'ثم يصبان في الخليج؟']);
  });

  it('a very long sentence is spoken in pieces cut at commas or spaces, none longer than the limit, nothing lost', () => {
    const text = `${'The delta, which the rivers built over thousands of years from silt, '.repeat(12)}ends here.`;
    const pieces = spoken(text, 'en');
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
  });

  it('finds where to start from an offset (a selection, the top of the view)', () => {
    const text = 'One. Two. Three.';
    const sentences = spokenSentences(text, 'en');
    expect(sentenceAt(sentences, 0)).toBe(0);
    expect(sentenceAt(sentences, text.indexOf('Two'))).toBe(1);
    expect(sentenceAt(sentences, text.length + 5)).toBe(2);
  });
});
