import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useStatus } from '../app/status-context';
import { AnnotationTransfer } from '../bookmarks/AnnotationTransfer';
import { useLibraryAnnotations } from '../bookmarks/use-library-annotations';
import { NoteEditor } from './NoteEditor';

interface NotesViewProps {
  takeFocus: boolean;
  onOpen: (annotation: Annotation) => void;
}

const QUOTE_CHARS = 200;
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

/** Every note of the library, newest first, each edited in place and saved as it is typed. */
export function NotesView({ takeFocus, onOpen }: NotesViewProps) {
  const api = useApi();
  const { reportError, notify } = useStatus();
  const { annotations, articles, error, update, remove, add } = useLibraryAnnotations();
  const heading = useRef<HTMLHeadingElement>(null);
  const [articleForNew, setArticleForNew] = useState('');
  /** A note just created, whose editor takes focus as soon as it is on screen. */
  const focusAfterRender = useRef<string | null>(null);
  const newNoteSelectId = useId();

  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  const notes = useMemo(
    () => (annotations ?? []).filter((a) => a.kind === 'note').sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [annotations],
  );
  // Runs after the list has rendered, so the new note's editor exists (a timer or an animation
  // frame may fire before React has committed it on a busy machine).
  useEffect(() => {
    const id = focusAfterRender.current;
    if (id === null) return;
    const editor = document.querySelector<HTMLTextAreaElement>(`[data-annotation-id="${id}"] textarea`);
    if (editor) {
      focusAfterRender.current = null;
      editor.focus();
    }
  }, [notes]);

  const library = useMemo(() => [...articles.values()].sort((a, b) => a.title.localeCompare(b.title)), [articles]);

  const addNote = async () => {
    const articleId = articleForNew || library[0]?.id;
    if (!articleId) return;
    const result = await api.createAnnotation({ articleId, kind: 'note', note: '' });
    if (!result.ok) {
      reportError(`The note was not created: ${result.error.message}`);
      return;
    }
    focusAfterRender.current = result.value.id;
    add(result.value);
    notify('New note: write it below');
  };

  return (
    <main className="view notes-view" id="main">
      <div className="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Notes
        </h1>
      </div>
      <AnnotationTransfer canExport={(annotations ?? []).length > 0} />
      {error && (
        <p className="inline-error" role="alert">
          The notes could not be listed: {error}
        </p>
      )}
      {library.length > 0 && (
        <div className="new-note" role="group" aria-label="New note on an article">
          <label htmlFor={newNoteSelectId}>New note on</label>
          <select id={newNoteSelectId} value={articleForNew || library[0]?.id} onChange={(e) => setArticleForNew(e.target.value)}>
            {library.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" onClick={() => void addNote()}>
            Add note
          </button>
        </div>
      )}
      {annotations === null ? (
        <p className="loading" role="status">
          Loading the notes…
        </p>
      ) : notes.length === 0 ? (
        !error && (
          <div className="empty-state">
            <p className="empty-title">No notes yet.</p>
            <p className="empty-hint">Write a note on a passage or on a whole article; every note shows here.</p>
          </div>
        )
      ) : (
        <ul className="note-list" aria-label="Notes">
          {notes.map((note) => {
            const title = articles.get(note.articleId)?.title ?? 'An article no longer in the library';
            return (
              <li key={note.id} className="note-item" data-annotation-id={note.id}>
                <div className="note-item-head">
                  <button type="button" className="button-link" dir="auto" onClick={() => onOpen(note)}>
                    {title}
                  </button>
                  {note.target ? (
                    <q className="annotation-quote" dir="auto">{truncate(note.target.quote.exact, QUOTE_CHARS)}</q>
                  ) : (
                    <span className="annotation-whole">On the whole article</span>
                  )}
                  {note.anchorState === 'unplaced' && <span className="anchor-badge anchor-badge-unplaced">passage not found in the current text</span>}
                </div>
                <NoteEditor
                  draftKey={`${note.articleId}:${note.id}`}
                  label={`Note on ${title}`}
                  note={note.note}
                  onSave={async (text) => (await update(note, { note: text })) !== null}
                />
                <div className="annotation-actions">
                  <button type="button" className="button button-quiet button-small" aria-label={`Delete note on ${title}`} onClick={() => void remove(note).then((ok) => ok && heading.current?.focus())}>
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
