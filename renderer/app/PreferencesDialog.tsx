import { useId, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/use-text';
import { Dialog } from '../components/Dialog';
import { COLUMN_WIDTH_RANGE, LINE_HEIGHT_RANGE, PARAGRAPH_SPACING_RANGE, SIDE_MARGIN_RANGE } from '../reader/TextLayoutControls';
import { LibraryFolderSection } from './LibraryFolderSection';
import { MAX_FONT_SIZE, MIN_FONT_SIZE, useSettings } from './settings-context';
import { FontSelect, LanguageSelect, ThemeSelect } from './SettingSelects';

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
  const intl = useIntl();
  const text = useText();
  return (
    <Dialog title={text('preferences.title')} onCancel={onClose}>
      <div className="preferences-form">
        <Field label={text('preferences.language')}>{(id) => <LanguageSelect id={id} />}</Field>
        <Field label={text('preferences.theme')}>{(id) => <ThemeSelect id={id} />}</Field>
        <Field label={text('preferences.font')}>{(id) => <FontSelect id={id} />}</Field>
        <RangeField
          label={text('preferences.textSize')}
          output={text('units.pixels', { value: settings.fontSize })}
          range={{ min: MIN_FONT_SIZE, max: MAX_FONT_SIZE, step: 1 }}
          value={settings.fontSize}
          onChange={(fontSize) => updateSettings({ fontSize })}
        />
        <RangeField
          label={text('preferences.lineSpacing')}
          output={intl.formatNumber(settings.lineHeight, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
          range={LINE_HEIGHT_RANGE}
          value={settings.lineHeight}
          onChange={(value) => updateSettings({ lineHeight: tenths(value) })}
        />
        <RangeField
          label={text('preferences.columnWidth')}
          output={text('units.characters', { value: settings.columnWidth })}
          range={COLUMN_WIDTH_RANGE}
          value={settings.columnWidth}
          onChange={(columnWidth) => updateSettings({ columnWidth })}
        />
        <RangeField
          label={text('preferences.sideMargins')}
          output={text('units.pixels', { value: settings.sideMargin })}
          range={SIDE_MARGIN_RANGE}
          value={settings.sideMargin}
          onChange={(sideMargin) => updateSettings({ sideMargin })}
        />
        <RangeField
          label={text('preferences.paragraphSpacing')}
          output={text('units.ems', { value: settings.paragraphSpacing })}
          range={PARAGRAPH_SPACING_RANGE}
          value={settings.paragraphSpacing}
          onChange={(value) => updateSettings({ paragraphSpacing: tenths(value) })}
        />
        <CheckField
          label={text('preferences.justify')}
          hint={text('preferences.justify.hint')}
          checked={settings.justify}
          onChange={(justify) => updateSettings({ justify })}
        />
        <CheckField
          label={text('preferences.hyphenate')}
          hint={text('preferences.hyphenate.hint')}
          checked={settings.hyphenate}
          onChange={(hyphenate) => updateSettings({ hyphenate })}
        />
        <CheckField
          label={text('preferences.focusMode')}
          hint={text('preferences.focusMode.hint')}
          checked={settings.focusMode}
          onChange={(focusMode) => updateSettings({ focusMode })}
        />
        <LibraryFolderSection />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          <FormattedMessage id="common.done" />
        </button>
      </div>
    </Dialog>
  );
}
