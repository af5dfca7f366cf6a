import { FormattedMessage, useIntl } from 'react-intl';
import { textOf } from '../i18n/use-text';
import { useId, useRef } from 'react';
import { useSettings } from '../app/settings-context';
import { DisclosureButton } from '../app/DisclosureButton';
import { useDisclosure } from '../app/use-disclosure';
import { ReadingModeSelect } from './book/ReadingModeSelect';

export const LINE_HEIGHT_RANGE = { min: 1.2, max: 2.4, step: 0.1 } as const;
export const COLUMN_WIDTH_RANGE = { min: 40, max: 100, step: 4 } as const;
/** px on each side of the column; the contract's schema allows 0–160 */
export const SIDE_MARGIN_RANGE = { min: 0, max: 160, step: 8 } as const;
/** em after each paragraph; the contract's schema allows 0–2.5 */
export const PARAGRAPH_SPACING_RANGE = { min: 0, max: 2.5, step: 0.1 } as const;

/** Scrolled or in pages, line spacing and column width (Escape or a press outside closes them), behind a disclosure button so the toolbar stays short. */
export function TextLayoutControls({ onBeforeReflow }: { onBeforeReflow: () => void }) {
  const { settings, updateSettings } = useSettings();
  const intl = useIntl();
  const text = textOf(intl);
  const lineHeight = intl.formatNumber(settings.lineHeight, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const columnWidth = text('units.characters', { value: settings.columnWidth });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const disclosure = useDisclosure(buttonRef, panelRef);
  const { open, panelId } = disclosure;
  const lineId = useId();
  const widthId = useId();
  return (
    <div className="text-layout">
      <DisclosureButton disclosure={disclosure} buttonRef={buttonRef} className="button">
        <FormattedMessage id="textLayout.label" />
      </DisclosureButton>
      {open && (
        <div
          id={panelId}
          ref={panelRef}
          className="text-layout-panel"
          role="group"
          aria-label={text('textLayout.label')}
        >
          <ReadingModeSelect onBeforeChange={onBeforeReflow} />
          <label htmlFor={lineId}>{text('preferences.lineSpacing')}</label>
          <input
            id={lineId}
            type="range"
            {...LINE_HEIGHT_RANGE}
            value={settings.lineHeight}
            aria-valuetext={lineHeight}
            onChange={(event) => {
              onBeforeReflow();
              updateSettings({ lineHeight: Math.round(Number(event.target.value) * 10) / 10 });
            }}
          />
          <output htmlFor={lineId}>{lineHeight}</output>
          <label htmlFor={widthId}>{text('preferences.columnWidth')}</label>
          <input
            id={widthId}
            type="range"
            {...COLUMN_WIDTH_RANGE}
            value={settings.columnWidth}
            aria-valuetext={columnWidth}
            onChange={(event) => {
              onBeforeReflow();
              updateSettings({ columnWidth: Number(event.target.value) });
            }}
          />
          <output htmlFor={widthId}>{columnWidth}</output>
        </div>
      )}
    </div>
  );
}
