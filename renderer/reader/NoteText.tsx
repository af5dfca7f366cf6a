import { useMemo } from 'react';
import { handleContentLinkClick } from '../app/external-links';
import { renderNoteMarkdown } from './markdown';

/** A note's Markdown, rendered safely. */
export function NoteText({ source }: { source: string }) {
  const html = useMemo(() => renderNoteMarkdown(source), [source]);
  return <div className="note-text" dir="auto" onClick={handleContentLinkClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
