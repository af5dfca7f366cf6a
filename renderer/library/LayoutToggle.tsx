export type LibraryLayout = 'list' | 'grid';

const LAYOUTS: readonly { value: LibraryLayout; label: string }[] = [
  { value: 'list', label: 'List' },
  { value: 'grid', label: 'Covers' },
];

/** List or grid of covers: two toggle buttons in a named group (the pressed one is the layout shown). */
export function LayoutToggle({ layout, onChange }: { layout: LibraryLayout; onChange: (layout: LibraryLayout) => void }) {
  return (
    <div className="layout-toggle" role="group" aria-label="Show the library as">
      {LAYOUTS.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          className="button button-small"
          aria-pressed={layout === value}
          onClick={() => onChange(value)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
