import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { useImperativeHandle, type MouseEvent, type Ref } from 'react';
import type { HighlightColor } from '../../electron/shared/models';
import { HIGHLIGHT_COLOR_OPTIONS } from './colors';
import { colorKey } from './highlight-keys';
import type { PassageSelection } from './use-passage-selection';
import { useFloatingPosition } from './use-floating-position';
import { useToolbarKeys } from './use-toolbar-keys';

/** What the reader asks of the bar: whether a key reached it (then the focus must go somewhere after it). */
export interface SelectionBarHandle {
  hasFocus: () => boolean;
}

interface SelectionBarProps {
  ref: Ref<SelectionBarHandle>;
  selection: PassageSelection;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onCopy: () => void;
}

/** A press on the bar must not take the selection away (nor the focus from the text). */
const keepSelection = (event: MouseEvent) => event.preventDefault();

/**
 * The colour bar at a selected passage: one click highlights it in a colour (a bookmark of that
 * colour), Note writes a note on it, Copy copies it. The same keys work without the bar's
 * focus (use-selection-keys.ts): 1–5 for the colours, N for a note, Escape to dismiss.
 */
export function SelectionBar({ ref, selection, onHighlight, onNote, onCopy }: SelectionBarProps) {
  const bar = useFloatingPosition<HTMLDivElement>(selection.rect);
  useImperativeHandle(ref, () => ({ hasFocus: () => bar.current?.contains(bar.current.ownerDocument.activeElement) ?? false }), [bar]);
  const { onKeyDown, itemProps } = useToolbarKeys();
  const text = useText();
  const noteIndex = HIGHLIGHT_COLOR_OPTIONS.length;
  return (
    <div
      ref={bar}
      className="highlight-bar"
      role="toolbar"
      aria-label={text('selectionBar.label')}
      onKeyDown={onKeyDown}
      hidden={selection.rect === null}
    >
      {HIGHLIGHT_COLOR_OPTIONS.map((option, index) => (
        <button
          key={option.value}
          type="button"
          className={`swatch-button quire-color-${option.value}`}
          aria-label={text('selectionBar.highlight', { colour: text(option.word) })}
          aria-keyshortcuts={colorKey(option.value)}
          title={text('common.withKey', { label: text(option.label), key: colorKey(option.value) })}
          onMouseDown={keepSelection}
          onClick={() => onHighlight(option.value)}
          {...itemProps(index)}
        >
          <span className="colour-swatch" aria-hidden="true" />
        </button>
      ))}
      <button
        type="button"
        className="button button-small"
        aria-keyshortcuts="N"
        title={text('selectionBar.note.title')}
        onMouseDown={keepSelection}
        onClick={onNote}
        {...itemProps(noteIndex)}
      >
        <FormattedMessage id="annotationDialog.note" />
      </button>
      <button
        type="button"
        className="button button-small"
        title={text('selectionBar.copy.title')}
        onMouseDown={keepSelection}
        onClick={onCopy}
        {...itemProps(noteIndex + 1)}
      >
        <FormattedMessage id="menu.copy" />
      </button>
    </div>
  );
}
