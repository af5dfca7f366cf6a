import { FormattedMessage } from 'react-intl';
import { coreSentenceText } from '../i18n/core-sentence';
import { EmptyState } from '../components/EmptyState';
import { useText } from '../i18n/use-text';
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
  const text = useText();
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
      reportError(text('notes.createFailed', { reason: coreSentenceText(text, result.error) }));
      return;
    }
    focusAfterRender.current = result.value.id;
    add(result.value);
    notify(text('notes.created'));
  };

  return (
    <main className="view notes-view" id="main">
      <div className="view-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="nav.notes" />
        </h1>
      </div>
      <AnnotationTransfer canExport={(annotations ?? []).length > 0} />
      {error && (
        <p className="inline-error" role="alert">
          {text('notes.listFailed', { reason: error })}
        </p>
      )}
      {library.length > 0 && (
        <div className="new-note" role="group" aria-label={text('notes.new.group')}>
          <label htmlFor={newNoteSelectId}>{text('notes.new.label')}</label>
          <select id={newNoteSelectId} value={articleForNew || library[0]?.id} onChange={(e) => setArticleForNew(e.target.value)}>
            {library.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" onClick={() => void addNote()}>
            <FormattedMessage id="highlight.addNote" />
          </button>
        </div>
      )}
      {annotations === null ? (
        <p className="loading" role="status">
          <FormattedMessage id="notes.loading" />
        </p>
      ) : notes.length === 0 ? (
        !error && (
          <EmptyState titleId="notes.empty.title" hintId="notes.empty.hint" />
        )
      ) : (
        <ul className="note-list" aria-label={text('nav.notes')}>
          {notes.map((note) => {
            const title = articles.get(note.articleId)?.title ?? text('bookmarks.articleGone');
            return (
              <li key={note.id} className="note-item" data-annotation-id={note.id}>
                <div className="note-item-head">
                  <button type="button" className="button-link" dir="auto" onClick={() => onOpen(note)}>
                    {title}
                  </button>
                  {note.target ? (
                    <q className="annotation-quote" dir="auto">{truncate(note.target.quote.exact, QUOTE_CHARS)}</q>
                  ) : (
                    <span className="annotation-whole">{text('notes.wholeArticle')}</span>
                  )}
                  {note.anchorState === 'unplaced' && <span className="anchor-badge anchor-badge-unplaced">{text('notes.unplaced')}</span>}
                </div>
                <NoteEditor
                  draftKey={`${note.articleId}:${note.id}`}
                  label={text('notes.noteOn', { title })}
                  previewLabel={text('notes.previewOf', { title })}
                  note={note.note}
                  onSave={async (written) => (await update(note, { note: written })) !== null}
                />
                <div className="annotation-actions">
                  <button type="button" className="button button-quiet button-small" aria-label={text('notes.delete.named', { title })} onClick={() => void remove(note).then((ok) => ok && heading.current?.focus())}>
                    <FormattedMessage id="common.delete" />
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
