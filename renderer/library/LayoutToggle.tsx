import type { MessageId } from '../../electron/shared/i18n/catalogs';
import type { LibraryLayout } from '../../electron/shared/models';
import { useText } from '../i18n/use-text';

const LAYOUTS: readonly { value: LibraryLayout; label: MessageId }[] = [
  { value: 'list', label: 'layout.list' },
  { value: 'grid', label: 'layout.grid' },
];

/** List or grid of covers: two toggle buttons in a named group (the pressed one is the layout shown). */
export function LayoutToggle({ layout, onChange }: { layout: LibraryLayout; onChange: (layout: LibraryLayout) => void }) {
  const text = useText();
  return (
    <div className="layout-toggle" role="group" aria-label={text('layout.label')}>
      {LAYOUTS.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          className="button button-small"
          aria-pressed={layout === value}
          onClick={() => onChange(value)}
        >
          {text(label)}
        </button>
      ))}
    </div>
  );
}
