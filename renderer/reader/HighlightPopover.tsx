import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import type { KeyboardEvent } from 'react';
import type { Annotation, HighlightColor } from '../../electron/shared/models';
import { DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLOR_OPTIONS } from './colors';
import type { ScreenRect } from './floating-position';
import { useFloatingPosition } from './use-floating-position';
import { usePopoverFocus } from './use-popover-focus';
import { useToolbarKeys } from './use-toolbar-keys';

interface HighlightPopoverProps {
  annotation: Annotation;
  /** the mark that was clicked (or focused), on screen */
  anchor: ScreenRect;
  onRecolor: (color: HighlightColor) => void;
  onNote: () => void;
  onDelete: () => void;
  /** Escape: `returnFocus` to the highlight; a press elsewhere, or its highlight scrolled out of view: the focus stays there */
  onClose: (returnFocus: boolean) => void;
}

/**
 * What can be done to a highlight, at the highlight: another colour, its note, delete. A toolbar
 * that takes the focus when it opens (on the current colour), so it is as quick by keyboard.
 */
export function HighlightPopover({ annotation, anchor, onRecolor, onNote, onDelete, onClose }: HighlightPopoverProps) {
  const box = useFloatingPosition<HTMLDivElement>(anchor);
  const text = useText();
  const current = annotation.color ?? DEFAULT_HIGHLIGHT_COLOR;
  const currentIndex = HIGHLIGHT_COLOR_OPTIONS.findIndex((option) => option.value === current);
  const { onKeyDown, itemProps } = useToolbarKeys(currentIndex);

  // Opened: the focus moves in (to the toolbar's current item); a press outside closes it.
  usePopoverFocus(box, onClose, '[tabindex="0"]');

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // Used here: the reader's Escape (back to the library) must not see it.
      event.preventDefault();
      onClose(true);
      return;
    }
    if (event.key === 'Tab') {
      // Tab leaves the popover: it closes, the focus goes back to the highlight, Tab goes on from there.
      onClose(true);
      return;
    }
    onKeyDown(event);
  };

  return (
    <div
      ref={box}
      className="highlight-bar highlight-popover"
      role="toolbar"
      aria-label={text('highlight.toolbar', { kind: annotation.kind })}
      onKeyDown={onKey}
      onBlur={(event) => {
        // The focus went elsewhere in the page (not to nothing, as when the window loses it).
        const to = event.relatedTarget;
        if (to instanceof Node && !box.current?.contains(to)) onClose(false);
      }}
    >
      {HIGHLIGHT_COLOR_OPTIONS.map((option, index) => (
        <button
          key={option.value}
          type="button"
          className={`swatch-button quire-color-${option.value}`}
          aria-label={text(option.label)}
          aria-pressed={option.value === current}
          title={text(option.label)}
          onClick={() => (option.value === current ? onClose(true) : onRecolor(option.value))}
          {...itemProps(index)}
        >
          <span className="colour-swatch" aria-hidden="true" />
        </button>
      ))}
      <button type="button" className="button button-small" onClick={onNote} {...itemProps(HIGHLIGHT_COLOR_OPTIONS.length)}>
        {text(annotation.note ? 'highlight.editNote' : 'highlight.addNote')}
      </button>
      <button type="button" className="button button-small" onClick={onDelete} {...itemProps(HIGHLIGHT_COLOR_OPTIONS.length + 1)}>
        <FormattedMessage id="common.delete" />
      </button>
    </div>
  );
}
