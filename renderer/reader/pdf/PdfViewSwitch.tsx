import type { PdfViewMode } from './use-pdf-view-mode';

interface PdfViewSwitchProps {
  mode: PdfViewMode;
  onChange: (mode: PdfViewMode) => void;
}

/** One switch between a PDF's pages and its reflowed text: two buttons, the shown one pressed. */
export function PdfViewSwitch({ mode, onChange }: PdfViewSwitchProps) {
  return (
    <span className="pdf-view-switch" role="group" aria-label="Show the PDF as">
      <button type="button" className="button" aria-pressed={mode === 'page'} onClick={() => onChange('page')}>
        Page
      </button>
      <button type="button" className="button" aria-pressed={mode === 'text'} onClick={() => onChange('text')}>
        Text
      </button>
    </span>
  );
}
