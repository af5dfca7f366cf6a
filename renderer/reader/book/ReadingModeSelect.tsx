import { useId } from 'react';
import type { ReadingMode } from '../../../electron/shared/models';
import { useSettings } from '../../app/settings-context';

const MODES = [
  { value: 'scrolled', label: 'Scrolled' },
  { value: 'one-column', label: 'Pages' },
  { value: 'two-columns', label: 'Pages, two columns' },
] as const satisfies readonly { value: ReadingMode; label: string }[];

/**
 * Scrolled or paginated, a row of the Text layout panel (its grid: label, control, value).
 * `onBeforeChange` keeps the reader's place through the reflow.
 */
export function ReadingModeSelect({ onBeforeChange }: { onBeforeChange: () => void }) {
  const { settings, updateSettings } = useSettings();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Layout</label>
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
            {mode.label}
          </option>
        ))}
      </select>
      <span />
    </>
  );
}
