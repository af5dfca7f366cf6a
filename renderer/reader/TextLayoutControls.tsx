import { useId, useState } from 'react';
import { useSettings } from '../app/settings-context';

export const LINE_HEIGHT_RANGE = { min: 1.2, max: 2.4, step: 0.1 } as const;
export const COLUMN_WIDTH_RANGE = { min: 40, max: 100, step: 4 } as const;

/** Line spacing and column width, behind a disclosure button so the toolbar stays short. */
export function TextLayoutControls({ onBeforeReflow }: { onBeforeReflow: () => void }) {
  const { settings, updateSettings } = useSettings();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const lineId = useId();
  const widthId = useId();
  return (
    <div className="text-layout">
      <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Text layout
      </button>
      {open && (
        <div id={panelId} className="text-layout-panel" role="group" aria-label="Text layout">
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
