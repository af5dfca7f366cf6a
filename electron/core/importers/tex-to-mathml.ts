/**
 * TeX (as MathJax and KaTeX pages carry it) to MathML, at import, so the reader never runs a
 * script for mathematics. Temml writes MathML for MathML Core, the MathML Chromium renders
 * (Unicode letters such as ℝ rather than `mathvariant`, which Chromium ignores); it is smaller than
 * KaTeX, whose HTML output Quire would not use. Links and other untrusted commands stay off
 * (`trust: false`), and macro expansion is bounded.
 */
import temml from 'temml';

/** Macros a page defines (`\newcommand`) apply to its later formulas, as in MathJax. */
export type TexMacros = Record<string, unknown>;

/**
 * The formula as a `<math>` element's markup, or null when it is not TeX that Temml reads (the
 * caller keeps the source as text then).
 */
export function texToMathml(tex: string, { display, macros }: { display: boolean; macros: TexMacros }): string | null {
  try {
    return temml.renderToString(tex, { displayMode: display, throwOnError: true, trust: false, maxExpand: 1000, macros });
  } catch {
    return null;
  }
}
