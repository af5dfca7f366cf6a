import { useId } from 'react';
import type { ReadingMode } from '../../../electron/shared/models';
import { useSettings } from '../../app/settings-context';
import type { MessageId } from '../../../electron/shared/i18n/catalogs';
import { useText } from '../../i18n/use-text';

const MODES = [
  { value: 'scrolled', label: 'book.layout.scrolled' },
  { value: 'one-column', label: 'book.layout.pages' },
  { value: 'two-columns', label: 'book.layout.twoColumns' },
] as const satisfies readonly { value: ReadingMode; label: MessageId }[];

/**
 * Scrolled or paginated, a row of the Text layout panel (its grid: label, control, value).
 * `onBeforeChange` keeps the reader's place through the reflow.
 */
export function ReadingModeSelect({ onBeforeChange }: { onBeforeChange: () => void }) {
  const { settings, updateSettings } = useSettings();
  const id = useId();
  const text = useText();
  return (
    <>
      <label htmlFor={id}>{text('book.layout')}</label>
      <select
        id={id}
        className="select"
        value={settings.readingMode}
        onChange={(event) => {
          onBeforeChange();
          updateSettings({ readingMode: event.target.value as ReadingMode });
        }}
      >
        {MODES.map((mode) => (
          <option key={mode.value} value={mode.value}>
            {text(mode.label)}
          </option>
        ))}
      </select>
      <span />
    </>
  );
}
