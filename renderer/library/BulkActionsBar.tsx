import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { useId, useState, type FormEvent } from 'react';
import type { MarkedReadState } from '../../electron/shared/models';

interface BulkActionsBarProps {
  count: number;
  /** tags the selected articles carry, offered for removal */
  selectedTags: string[];
  busy: boolean;
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
  onMark: (readState: MarkedReadState) => void;
  onExport: () => void;
  onTrash: () => void;
  onClear: () => void;
}

/**
 * Shown while articles are selected: add a tag to all of them or remove one, mark them read or
 * unread, export them, move them to the trash. Plain buttons in a named group: Tab reaches each.
 */
/** The mark on a tag chip that removes it (its name is the aria-label). */
const REMOVE_MARK = '×';

export function BulkActionsBar(props: BulkActionsBarProps) {
  const { count, selectedTags, busy, onAdd, onRemove, onMark, onExport, onTrash, onClear } = props;
  const id = useId();
  const [tag, setTag] = useState('');
  const text = useText();
  const actions = [
    { label: text('article.markRead'), run: () => onMark('finished'), danger: false },
    { label: text('article.markUnread'), run: () => onMark('unread'), danger: false },
    { label: text('bulk.export'), run: onExport, danger: false },
    { label: text('article.trash'), run: onTrash, danger: true },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = tag.replace(/\s+/g, ' ').trim();
    if (cleaned === '') return;
    onAdd(cleaned);
    setTag('');
  };
  return (
    <section className="bulk-bar" aria-label={text('bulk.label')}>
      <p className="bulk-count" role="status">
        {text('bulk.count', { count })}
      </p>
      <form className="bulk-add" onSubmit={submit}>
        <label htmlFor={`${id}-tag`}>{text('bookmarks.filter.tag')}</label>
        <input
          id={`${id}-tag`}
          type="text"
          value={tag}
          maxLength={64}
          onChange={(event) => setTag(event.target.value)}
        />
        <button type="submit" className="button button-small" disabled={busy || tag.trim() === ''}>
          <FormattedMessage id="bulk.addTag" />
        </button>
      </form>
      {selectedTags.length > 0 && (
        <div className="bulk-remove" role="group" aria-label={text('bulk.removeTagGroup')}>
          {selectedTags.map((own) => (
            <button
              key={own}
              type="button"
              className="tag-chip tag-chip-remove"
              disabled={busy}
              aria-label={text('bulk.removeTag', { tag: own })}
              onClick={() => onRemove(own)}
            >
              {own} {REMOVE_MARK}
            </button>
          ))}
        </div>
      )}
      <div className="bulk-actions" role="group" aria-label={text('bulk.actions')}>
        {actions.map(({ label, run, danger }) => (
          <button key={label} type="button" className={`button button-small${danger ? ' button-danger' : ''}`} disabled={busy} onClick={run}>
            {label}
          </button>
        ))}
      </div>
      <button type="button" className="button button-quiet button-small" onClick={onClear}>
        <FormattedMessage id="bulk.clear" />
      </button>
    </section>
  );
}
