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
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const disclosure = useDisclosure(buttonRef, panelRef);
  const { open, panelId } = disclosure;
  const lineId = useId();
  const widthId = useId();
  return (
    <div className="text-layout">
      <DisclosureButton disclosure={disclosure} buttonRef={buttonRef} className="button">
        Text layout
      </DisclosureButton>
      {open && (
        <div
          id={panelId}
          ref={panelRef}
          className="text-layout-panel"
          role="group"
          aria-label="Text layout"
        >
          <ReadingModeSelect onBeforeChange={onBeforeReflow} />
          <label htmlFor={lineId}>Line spacing</label>
          <input
            id={lineId}
            type="range"
            {...LINE_HEIGHT_RANGE}
            value={settings.lineHeight}
            aria-valuetext={settings.lineHeight.toFixed(1)}
            onChange={(event) => {
              onBeforeReflow();
              updateSettings({ lineHeight: Math.round(Number(event.target.value) * 10) / 10 });
            }}
          />
          <output htmlFor={lineId}>{settings.lineHeight.toFixed(1)}</output>
          <label htmlFor={widthId}>Column width</label>
          <input
            id={widthId}
            type="range"
            {...COLUMN_WIDTH_RANGE}
            value={settings.columnWidth}
            aria-valuetext={`${settings.columnWidth} characters`}
            onChange={(event) => {
              onBeforeReflow();
              updateSettings({ columnWidth: Number(event.target.value) });
            }}
          />
          <output htmlFor={widthId}>{settings.columnWidth} characters</output>
        </div>
      )}
    </div>
  );
}
