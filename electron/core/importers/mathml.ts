/**
 * The MathML Quire keeps: MathML Core (what Chromium renders, https://w3c.github.io/mathml-core/),
 * its elements and presentation attributes, and nothing that acts. No `href` (MathML elements can
 * be links in Chromium), no `maction` (it toggles and writes to the status line), no
 * `annotation-xml` (it can carry HTML), no `mglyph` (an image by URL and a known sanitizer-bypass
 * vector), no colours (a formula coloured for a white page vanishes on the dark theme).
 */
export const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';

/** Elements that hold text: the leaves of a formula. */
export const MATHML_TOKENS: ReadonlySet<string> = new Set(['mi', 'mn', 'mo', 'ms', 'mtext', 'mspace']);

/** Elements whose later children are scripts of the first (x², xᵢ): their text runs together. */
export const MATHML_SCRIPTS: ReadonlySet<string> = new Set(['msub', 'msup', 'msubsup', 'mmultiscripts']);

export const MATHML_ELEMENTS: readonly string[] = [
  'math', ...MATHML_TOKENS, 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded', 'mphantom',
  ...MATHML_SCRIPTS, 'mprescripts', 'none', 'munder', 'mover', 'munderover', 'mtable', 'mtr', 'mtd', 'semantics',
];

/**
 * Removed with everything inside. An annotation is the formula's source (TeX) or another markup of
 * it; the reader never shows it, so its text would be words in the article no one can see.
 */
export const MATHML_DROPPED_WITH_CONTENT: readonly string[] = ['annotation', 'annotation-xml', 'mglyph'];

/** Attributes a MathML element may keep (`dir` and `id` are also HTML's). */
export const MATHML_ATTRIBUTES: ReadonlySet<string> = new Set([
  'dir', 'id', 'display', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathsize',
  // mfrac
  'linethickness',
  // mo (its `form` is not kept: the sanitizer forbids that name everywhere, and MathML infers it)
  'fence', 'separator', 'stretchy', 'symmetric', 'largeop', 'movablelimits', 'lspace', 'rspace', 'minsize', 'maxsize',
  // mspace, mpadded
  'width', 'height', 'depth', 'voffset',
  // munder, mover
  'accent', 'accentunder',
  // mtd
  'columnspan', 'rowspan',
]);

/** MathML's own attributes, which an HTML element never keeps. */
export const MATHML_ONLY_ATTRIBUTES: ReadonlySet<string> = new Set(
  [...MATHML_ATTRIBUTES].filter((name) => !['dir', 'id', 'width', 'height', 'rowspan'].includes(name)),
);
