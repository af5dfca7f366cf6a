/**
 * Documentation generators end every heading with a link to itself, its sign shown only while the
 * pointer is over the heading (Sphinx's `¶`, others' `§`, `#`, `🔗`). Imported, the page's style is
 * gone and the sign stays: "What is AppArmor?¶" in the article, in its contents and in its text. A
 * link inside a heading that points to a fragment and whose whole text is such a sign is removed
 * before the article is found (a heading's own words stay, linked or not).
 */

/** The signs of heading permalinks (`⚓` and `🔗` also with their emoji or text presentation selector). */
const PERMALINK_SIGNS: ReadonlySet<string> = new Set(['¶', '§', '#', '🔗', '🔗\uFE0E', '🔗\uFE0F', '⚓', '⚓\uFE0E', '⚓\uFE0F']);

const HEADING_LINKS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((heading) => `${heading} a[href*="#"]`).join(', ');

export function removeHeadingPermalinks(root: ParentNode): void {
  for (const link of Array.from(root.querySelectorAll(HEADING_LINKS))) {
    if (PERMALINK_SIGNS.has((link.textContent ?? '').trim())) link.remove();
  }
}
