import { useId, useState, type FormEvent } from 'react';

interface BulkTagBarProps {
  count: number;
  /** tags the selected articles carry, offered for removal */
  selectedTags: string[];
  busy: boolean;
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
  onClear: () => void;
}

/** Shown while articles are selected: add a tag to all of them, or remove one. */
export function BulkTagBar({ count, selectedTags, busy, onAdd, onRemove, onClear }: BulkTagBarProps) {
  const id = useId();
  const [tag, setTag] = useState('');
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
      <button type="button" className="button button-quiet button-small" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
