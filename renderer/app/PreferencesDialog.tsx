import { useId, type ReactNode } from 'react';
import { Dialog } from '../components/Dialog';
import { COLUMN_WIDTH_RANGE, LINE_HEIGHT_RANGE } from '../reader/TextLayoutControls';
import { MAX_FONT_SIZE, MIN_FONT_SIZE, useSettings } from './settings-context';
import { FontSelect, ThemeSelect } from './SettingSelects';

/** One labelled control: its label above it, its value beside it when it has one. */
function Field({ label, output, children }: { label: string; output?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="preferences-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(id)}
      {output !== undefined && <output htmlFor={id}>{output}</output>}
    </div>
  );
}

interface RangeProps {
  label: string;
  output: string;
  range: { min: number; max: number; step: number };
  value: number;
  onChange: (value: number) => void;
}

function RangeField({ label, output, range, value, onChange }: RangeProps) {
  return (
    <Field label={label} output={output}>
      {(id) => <input id={id} type="range" {...range} value={value} onChange={(event) => onChange(Number(event.target.value))} />}
    </Field>
  );
}

/**
 * Preferences (the desktop menu's Preferences…, Ctrl+, or ⌘,): the reading settings of the reader
 * toolbar, reachable from any view. Changes apply and save at once, as in the toolbar.
 */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const { settings, updateSettings } = useSettings();
  return (
    <Dialog title="Preferences" onCancel={onClose}>
      <div className="preferences-form">
        <Field label="Theme">{(id) => <ThemeSelect id={id} />}</Field>
        <Field label="Font">{(id) => <FontSelect id={id} />}</Field>
        <RangeField
          label="Text size"
          output={`${settings.fontSize} px`}
          range={{ min: MIN_FONT_SIZE, max: MAX_FONT_SIZE, step: 1 }}
          value={settings.fontSize}
          onChange={(fontSize) => updateSettings({ fontSize })}
        />
        <RangeField
          label="Line spacing"
          output={settings.lineHeight.toFixed(1)}
          range={LINE_HEIGHT_RANGE}
          value={settings.lineHeight}
          onChange={(value) => updateSettings({ lineHeight: Math.round(value * 10) / 10 })}
        />
        <RangeField
          label="Column width"
          output={`${settings.columnWidth} characters`}
          range={COLUMN_WIDTH_RANGE}
          value={settings.columnWidth}
          onChange={(columnWidth) => updateSettings({ columnWidth })}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
