/**
 * The pages of a fixed-layout book as the importer stores them (`assets/<hash>.json` in the
 * article's folder, named by `ArticleMeta.fixedLayout`) and the reader draws them. The text of the
 * pages is also the article's text (content.html), so search, passages and the text view work as
 * for any book; this file only says how each page looks.
 */
import * as z from './zod';

/** Which half of a two-page spread a page takes (`page-spread-*`); center: the whole spread. */
export type PageSide = 'left' | 'right' | 'center';
/** When two pages share the screen (`rendition:spread`). */
export type PageSpread = 'none' | 'landscape' | 'portrait' | 'both' | 'auto';

export interface FixedPage {
  /** the page's own size, CSS px (its viewport) */
  width: number;
  height: number;
  side: PageSide | null;
  /** the page's body, sanitized: classes kept for its CSS, images at `assets/<name>` */
  html: string;
  /** the style sheets the page uses, in order, as indexes into the book's `styles` */
  styles: number[];
  /** the page's own CSS (its `style` attributes as rules), sanitized like the sheets */
  css: string;
  /** the section of content.html holding the page's text (`c<N>`) */
  section: string;
  /** the classes of the page's `html` and `body`, which its CSS may select */
  rootClass: string;
  bodyClass: string;
}

export interface FixedLayoutPages {
  version: 1;
  spread: PageSpread;
  /** the way pages turn (the spine's `page-progression-direction`) */
  progression: 'ltr' | 'rtl';
  /**
   * The book's style sheets, sanitized, each once (a book's pages share one or two): `html`/`body`
   * written as `epub-html`/`epub-body`, urls `assets/<name>` only.
   */
  styles: string[];
  pages: FixedPage[];
}

const size = z.number().check(z.gte(1), z.lte(20_000));

const fixedLayoutSchema = z.object({
  version: z.literal(1),
  spread: z.enum(['none', 'landscape', 'portrait', 'both', 'auto']),
  progression: z.enum(['ltr', 'rtl']),
  styles: z.array(z.string()),
  pages: z.array(
    z.object({
      width: size,
      height: size,
      side: z.nullable(z.enum(['left', 'right', 'center'])),
      html: z.string(),
      styles: z.array(z.int().check(z.gte(0))),
      css: z.string(),
      section: z.string(),
      rootClass: z.string(),
      bodyClass: z.string(),
    }),
  ),
});

/** The pages file read back (it is a file of the library: anything may have written it), or null. */
export function parseFixedLayout(json: unknown): FixedLayoutPages | null {
  const parsed = fixedLayoutSchema.safeParse(json);
  if (!parsed.success) return null;
  const { styles, pages } = parsed.data;
  return pages.every((page) => page.styles.every((index) => index < styles.length)) ? parsed.data : null;
}

/** How a book's lines run: `vertical-rl` for Japanese and Chinese set vertically; absent means horizontal. */
export const WRITING_MODES = ['vertical-rl'] as const;
export type WritingMode = (typeof WRITING_MODES)[number];
