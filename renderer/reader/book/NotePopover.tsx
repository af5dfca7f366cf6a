import { useId, useMemo, type FocusEvent, type KeyboardEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import type { ScreenRect } from '../floating-position';
import { useFloatingPosition } from '../use-floating-position';
import { usePopoverFocus } from '../use-popover-focus';

interface NotePopoverProps {
  /** the note in the text (its HTML was sanitised at import, like the rest of the text) */
  note: HTMLElement;
  /** the note reference that was followed, on screen */
  anchor: ScreenRect;
  /** "Go to note": to the note in the text (Back returns) */
  onGoToNote: () => void;
  /** `returnFocus`: back to the note reference (Escape, Close) */
  onClose: (returnFocus: boolean) => void;
}

/** The note's content for the pop-up: without ids (they stay unique to the text) or links back. */
function noteHtml(note: HTMLElement): string {
  const copy = note.cloneNode(true) as HTMLElement;
  for (const element of Array.from(copy.querySelectorAll('[id]'))) element.removeAttribute('id');
  for (const back of Array.from(copy.querySelectorAll('a[role="doc-backlink"], a[href^="#"]'))) back.replaceWith(...Array.from(back.childNodes));
  copy.removeAttribute('id');
  return copy.innerHTML;
}

/**
 * A footnote or endnote shown at its reference, over the text: the focus moves in, Escape or Close
 * gives it back to the reference, a press elsewhere or the focus leaving closes it.
 */
export function NotePopover({ note, anchor, onGoToNote, onClose }: NotePopoverProps) {
  const box = useFloatingPosition<HTMLDivElement>(anchor);
  const titleId = useId();
  const html = useMemo(() => noteHtml(note), [note]);
  usePopoverFocus(box, onClose);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    // Used here: the reader's Escape (back to the library) must not see it.
    event.preventDefault();
    onClose(true);
  };
  // Tab out of it: the reader moves on, and the pop-up goes.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) onClose(false);
  };
  return (
    <div ref={box} className="note-popover" role="dialog" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown} onBlur={onBlur}>
      <h2 id={titleId} className="visually-hidden">
        <FormattedMessage id="book.note" />
      </h2>
      <div className="note-popover-text" dangerouslySetInnerHTML={{ __html: html }} />
      <div className="note-popover-actions">
        <button type="button" className="button button-quiet" onClick={onGoToNote}>
          <FormattedMessage id="book.note.goTo" />
        </button>
        <button type="button" className="button button-quiet" onClick={() => onClose(true)}>
          <FormattedMessage id="common.close" />
        </button>
      </div>
    </div>
  );
}
