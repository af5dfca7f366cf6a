/** JSON in ASCII only (electron/shared/ascii-json.ts): the caches and browser mode's answers. */
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../../electron/shared/ascii-json';

const isAscii = (text: string): boolean => [...text].every((char) => char.charCodeAt(0) < 0x80);

describe('asciiJson', () => {
  it('writes every character outside ASCII as its escape, and reads back the same value', () => {
    const value = {
      title: 'Café au lait — 東京の朝',
      astral: 'a clef 𝄞 and a face 😀 (two surrogates each)',
      separators: 'line\u2028paragraph\u2029end',
      lone: 'half a pair: \ud83d alone',
      control: 'tab\tnew line\nnul\u0000',
      arabic: 'مرحبا',
      edges: '\u0080\u00ff\u0100\uffff',
      nested: [{ tags: ['naïve', 'plain'] }, 42, null, true],
    };
    const json = asciiJson(value);
    expect(isAscii(json)).toBe(true);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).toContain('Caf\\u00e9');
    expect(json).toContain('\\ud834\\udd1e');
  });

  it('leaves JSON that is already ASCII exactly as JSON.stringify writes it', () => {
    const value = { id: 'a00001', title: 'Plain title', wordCount: 707, tags: [] };
    expect(asciiJson(value)).toBe(JSON.stringify(value));
  });

  it('escapes a string that is nothing but characters outside ASCII, first to last', () => {
    expect(asciiJson('éü')).toBe('"\\u00e9\\u00fc"');
  });
});
