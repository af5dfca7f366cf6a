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
export function BulkActionsBar(props: BulkActionsBarProps) {
  const { count, selectedTags, busy, onAdd, onRemove, onMark, onExport, onTrash, onClear } = props;
  const id = useId();
  const [tag, setTag] = useState('');
  const actions = [
    { label: 'Mark read', run: () => onMark('finished'), danger: false },
    { label: 'Mark unread', run: () => onMark('unread'), danger: false },
    { label: 'Export', run: onExport, danger: false },
    { label: 'Move to trash', run: onTrash, danger: true },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = tag.replace(/\s+/g, ' ').trim();
    if (cleaned === '') return;
    onAdd(cleaned);
    setTag('');
  };
  return (
    <section className="bulk-bar" aria-label="Selected articles">
      <p className="bulk-count" role="status">
        {count === 1 ? '1 article selected' : `${count} articles selected`}
      </p>
      <form className="bulk-add" onSubmit={submit}>
        <label htmlFor={`${id}-tag`}>Tag</label>
        <input
          id={`${id}-tag`}
          type="text"
          value={tag}
          maxLength={64}
          onChange={(event) => setTag(event.target.value)}
        />
        <button type="submit" className="button button-small" disabled={busy || tag.trim() === ''}>
          Add tag
        </button>
      </form>
      {selectedTags.length > 0 && (
        <div className="bulk-remove" role="group" aria-label="Remove a tag from the selected articles">
          {selectedTags.map((own) => (
            <button
              key={own}
              type="button"
              className="tag-chip tag-chip-remove"
              disabled={busy}
              aria-label={`Remove tag ${own}`}
              onClick={() => onRemove(own)}
            >
              {own} ×
            </button>
          ))}
        </div>
      )}
      <div className="bulk-actions" role="group" aria-label="Actions on the selected articles">
        {actions.map(({ label, run, danger }) => (
          <button key={label} type="button" className={`button button-small${danger ? ' button-danger' : ''}`} disabled={busy} onClick={run}>
            {label}
          </button>
        ))}
      </div>
      <button type="button" className="button button-quiet button-small" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
