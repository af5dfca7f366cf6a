import { FormattedMessage } from 'react-intl';
import { useText } from '../../i18n/use-text';
import type { PdfViewMode } from './use-pdf-view-mode';

interface PdfViewSwitchProps {
  mode: PdfViewMode;
  onChange: (mode: PdfViewMode) => void;
  /** the group's name (a fixed-layout book's pages use the same switch) */
  label?: string;
}

/** One switch between a PDF's pages and its reflowed text: two buttons, the shown one pressed. */
export function PdfViewSwitch({ mode, onChange, label }: PdfViewSwitchProps) {
  const text = useText();
  return (
    <span className="pdf-view-switch" role="group" aria-label={label ?? text('pdf.view')}>
      <button type="button" className="button" aria-pressed={mode === 'page'} onClick={() => onChange('page')}>
        <FormattedMessage id="pdf.view.page" />
      </button>
      <button type="button" className="button" aria-pressed={mode === 'text'} onClick={() => onChange('text')}>
        <FormattedMessage id="pdf.view.text" />
      </button>
    </span>
  );
}
