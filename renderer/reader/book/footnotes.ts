/**
 * Which links point at a footnote or an endnote, and which element holds the note's text. EPUB's
 * `epub:type` arrives as the matching DPUB-ARIA role (the importer maps it; web pages use the
 * roles themselves): a `doc-noteref` link, or a link to a `doc-footnote` / `doc-endnote`, an item
 * of `doc-endnotes`, or an `<aside>`. Books made without either often still mark a note reference
 * as a short superscript ("1", "*", "[12]") pointing at a short paragraph: that counts too.
 */

const NOTE_ROLES = ['doc-footnote', 'doc-endnote', 'doc-rearnote'];
/** A note longer than this is a section, not something to read in a pop-up. */
const MAX_NOTE_CHARACTERS = 1500;
/** "1", "12", "*", "†", "[3]", "(a)", "iv": what a note reference looks like. */
const NOTE_MARK = /^[[(]?(?:\d{1,4}|[*†‡§¶#]{1,3}|[a-z]|[ivxlc]{1,6})[\])]?$/i;

/** The element a `#id` link points at inside `root`, or null. */
export function linkTarget(link: Element, root: ParentNode): HTMLElement | null {
  const href = link.getAttribute('href') ?? '';
  if (!href.startsWith('#') || href.length < 2) return null;
  let id: string;
  try {
    id = decodeURIComponent(href.slice(1));
  } catch {
    return null;
  }
  const escaped = id.replace(/["\\]/g, '\\$&');
  return root.querySelector<HTMLElement>(`[id="${escaped}"]`);
}

const textOf = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The element whose text is the note: the target itself, or, for an empty anchor at the start of a
 * note (`<a id="fn1"></a>1. The note…`), the block around it.
 */
function noteBlock(target: HTMLElement): HTMLElement {
  if (textOf(target) !== '') return target;
  return target.closest<HTMLElement>('aside, li, p, dd, div') ?? target;
}

/** The note a link refers to, or null when it is an ordinary link (to a chapter, a figure…). */
export function noteFor(link: Element, root: ParentNode): HTMLElement | null {
  const target = linkTarget(link, root);
  if (!target || target.contains(link)) return null;
  if (/^(?:H[1-6]|SECTION|ARTICLE|BODY)$/.test(target.tagName)) return null;
  const note = noteBlock(target);
  if (note.contains(link) || textOf(note) === '' || textOf(note).length > MAX_NOTE_CHARACTERS) return null;
  if (link.getAttribute('role') === 'doc-noteref') return note;
  const marked = note.closest(NOTE_ROLES.map((role) => `[role="${role}"]`).join(', ') + ', [role="doc-endnotes"] li, aside');
  if (marked) return note;
  const inSuperscript = link.closest('sup') !== null || link.querySelector('sup') !== null;
  return inSuperscript && NOTE_MARK.test(textOf(link)) ? note : null;
}
