import { useId, type ReactNode } from 'react';
import { Dialog } from '../components/Dialog';
import { COLUMN_WIDTH_RANGE, LINE_HEIGHT_RANGE, PARAGRAPH_SPACING_RANGE, SIDE_MARGIN_RANGE } from '../reader/TextLayoutControls';
import { LibraryFolderSection } from './LibraryFolderSection';
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

/** A setting that is on or off: the box, then its label and what it does. */
function CheckField({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="preferences-check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={hintId} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    </div>
  );
}

/** One decimal place: range inputs hand back binary fractions (1.2000000000000002). */
const tenths = (value: number): number => Math.round(value * 10) / 10;

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
          onChange={(value) => updateSettings({ lineHeight: tenths(value) })}
        />
        <RangeField
          label="Column width"
          output={`${settings.columnWidth} characters`}
          range={COLUMN_WIDTH_RANGE}
          value={settings.columnWidth}
          onChange={(columnWidth) => updateSettings({ columnWidth })}
        />
        <RangeField
          label="Side margins"
          output={`${settings.sideMargin} px`}
          range={SIDE_MARGIN_RANGE}
          value={settings.sideMargin}
          onChange={(sideMargin) => updateSettings({ sideMargin })}
        />
        <RangeField
          label="Paragraph spacing"
          output={`${settings.paragraphSpacing.toFixed(1)} em`}
          range={PARAGRAPH_SPACING_RANGE}
          value={settings.paragraphSpacing}
          onChange={(value) => updateSettings({ paragraphSpacing: tenths(value) })}
        />
        <CheckField
          label="Justify"
          hint="Lines end flush with the right edge too (the left in right-to-left text)."
          checked={settings.justify}
          onChange={(justify) => updateSettings({ justify })}
        />
        <CheckField
          label="Hyphenate"
          hint="Long words break at line ends by the article's language, where this system has its hyphenation rules."
          checked={settings.hyphenate}
          onChange={(hyphenate) => updateSettings({ hyphenate })}
        />
        <CheckField
          label="Focus mode"
          hint="The reader hides the header, toolbar and bookmarks; move to the top edge, Tab, or press F to see them."
          checked={settings.focusMode}
          onChange={(focusMode) => updateSettings({ focusMode })}
        />
        <LibraryFolderSection />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
