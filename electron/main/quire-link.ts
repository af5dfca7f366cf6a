/**
 * `quire://` links, parsed strictly: the shapes the exports write and nothing else. A link comes
 * from outside the app (a note in another program, a web page), so anything unexpected is
 * refused with a reason the caller logs, and never reaches the window.
 *
 * - `quire://article/<id>`                      the article (exported Markdown, W3C `source`)
 * - `quire://article/<id>?passage=<start>-<end>` the article at a passage (exported Markdown)
 * - `quire://article/<id>/annotation/<annId>`    the article at an annotation (W3C annotation IRI)
 */
import type { TextRange } from '../shared/commands';

export interface QuireLinkTarget {
  articleId: string;
  passage: TextRange | null;
  annotationId: string | null;
}

export type ParsedQuireLink = { ok: true; target: QuireLinkTarget } | { ok: false; reason: string };

/** Ids in the library: lowercase letters, digits and dashes (the contract's `idSchema`). */
const ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const PASSAGE = /^(\d{1,9})-(\d{1,9})$/;
const MAX_LINK_LENGTH = 2048;

const refuse = (reason: string): ParsedQuireLink => ({ ok: false, reason });

export const isQuireLink = (raw: string): boolean => /^quire:/i.test(raw);

export function parseQuireLink(raw: string): ParsedQuireLink {
  if (raw.length > MAX_LINK_LENGTH) return refuse('the link is too long');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('the link is not a URL');
  }
  if (url.protocol !== 'quire:') return refuse('not a quire: link');
  // The URL parser would quietly resolve `..` and decode escapes; an id never needs either.
  if (raw.includes('%') || /\/\.{1,2}(?=[/?#]|$)/.test(raw)) return refuse('the link has dot segments or escapes');
  if (url.username || url.password || url.port) return refuse('the link carries a user or a port');
  if (url.hostname !== 'article') return refuse(`unknown link kind "${url.hostname}"`);
  if (url.hash) return refuse('the link has a fragment');

  const parts = url.pathname.split('/').slice(1);
  const [articleId, annotationWord, annotationId] = parts;
  if (!articleId || !ID.test(articleId)) return refuse('the article id is malformed');
  const isAnnotation = parts.length === 3 && annotationWord === 'annotation';
  if (parts.length !== 1 && !isAnnotation) return refuse('unknown link path');
  if (isAnnotation && (!annotationId || !ID.test(annotationId))) return refuse('the annotation id is malformed');

  const keys = [...url.searchParams.keys()];
  if (keys.some((key) => key !== 'passage') || keys.length > 1) return refuse('unknown link parameters');
  const passageParam = url.searchParams.get('passage');
  let passage: TextRange | null = null;
  if (passageParam !== null) {
    if (isAnnotation) return refuse('an annotation link takes no passage');
    const match = PASSAGE.exec(passageParam);
    if (!match) return refuse('the passage is malformed');
    const start = Number(match[1]);
    const end = Number(match[2]);
    if (start > end) return refuse('the passage ends before it starts');
    passage = { start, end };
  }
  return { ok: true, target: { articleId, passage, annotationId: isAnnotation ? annotationId! : null } };
}
