import { FormattedMessage } from 'react-intl';
import type { WritingMode } from '../../../electron/shared/fixed-layout';
import { useText } from '../../i18n/use-text';
import type { WritingModeChoice } from './vertical';

interface WritingModeSwitchProps {
  writingMode: WritingMode | null;
  onChange: (choice: WritingModeChoice) => void;
}

/** Vertical or horizontal lines for a Chinese, Japanese or Korean book: two buttons, the shown one pressed. */
export function WritingModeSwitch({ writingMode, onChange }: WritingModeSwitchProps) {
  const text = useText();
  return (
    <span className="pdf-view-switch" role="group" aria-label={text('writingMode.label')}>
      <button type="button" className="button" aria-pressed={writingMode === 'vertical-rl'} onClick={() => onChange('vertical')}>
        <FormattedMessage id="writingMode.vertical" />
      </button>
      <button type="button" className="button" aria-pressed={writingMode === null} onClick={() => onChange('horizontal')}>
        <FormattedMessage id="writingMode.horizontal" />
      </button>
    </span>
  );
}
