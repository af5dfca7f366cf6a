/**
 * `mathvariant` (ℝ written `<mi mathvariant="double-struck">R</mi>`, bold vectors, script and
 * Fraktur letters) is ignored by Chromium, which follows MathML Core: there, styled letters are
 * the Unicode characters of the Mathematical Alphanumeric Symbols block. So the letters and digits
 * of such a token are rewritten to those characters (as MathML Core's `text-transform: math-auto`
 * does for single-letter `<mi>`), and the attribute goes (math-text.ts does both while it walks a
 * formula). Search folds them back (NFKD: ℝ is R).
 */
/** First code point of capital A, small a and digit 0 in each variant (null: no such letters). */
const VARIANTS: Readonly<Record<string, readonly [number, number, number | null]>> = {
  bold: [0x1d400, 0x1d41a, 0x1d7ce],
  italic: [0x1d434, 0x1d44e, null],
  'bold-italic': [0x1d468, 0x1d482, null],
  script: [0x1d49c, 0x1d4b6, null],
  'bold-script': [0x1d4d0, 0x1d4ea, null],
  fraktur: [0x1d504, 0x1d51e, null],
  'double-struck': [0x1d538, 0x1d552, 0x1d7d8],
  'bold-fraktur': [0x1d56c, 0x1d586, null],
  'sans-serif': [0x1d5a0, 0x1d5ba, 0x1d7e2],
  'bold-sans-serif': [0x1d5d4, 0x1d5ee, 0x1d7ec],
  'sans-serif-italic': [0x1d608, 0x1d622, null],
  'sans-serif-bold-italic': [0x1d63c, 0x1d656, null],
  monospace: [0x1d670, 0x1d68a, 0x1d7f6],
};

/** Letters Unicode had encoded before the block, which it leaves as holes there. */
const HOLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  italic: { h: 'ℎ' },
  script: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
};

/** The text of a token drawn in `variant`, as the Unicode letters Chromium would show; unknown variants change nothing. */
export function styledText(text: string, variant: string): string {
  const letters = VARIANTS[variant];
  if (!letters) return text;
  const [capital, small, digit] = letters;
  const holes = HOLES[variant] ?? {};
  return text.replace(/[A-Za-z0-9]/g, (char) => {
    const hole = holes[char];
    if (hole) return hole;
    const code = char.charCodeAt(0);
    if (code <= 0x39) return digit === null ? char : String.fromCodePoint(digit + code - 0x30);
    return String.fromCodePoint(code <= 0x5a ? capital + code - 0x41 : small + code - 0x61);
  });
}
