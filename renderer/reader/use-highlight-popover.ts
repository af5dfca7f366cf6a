/**
 * Which highlight's popover is open, and where: a click on a highlight (with nothing selected)
 * or Enter / Space on a focused one opens it; Escape, a press elsewhere or a resize closes it.
 * A scroll moves it with its highlight and closes it once the highlight has left the text's view:
 * clicking a highlight whose last line is cut by the view's edge focuses it, and the browser
 * scrolls it into view at once, which must not close what the click just opened.
 * Closed by keyboard, the focus goes back to the highlight.
 */
import { useEffect, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { ScreenRect } from './floating-position';
import { annotationMarks } from './use-highlight-marks';

interface OpenPopover {
  annotationId: string;
  anchor: ScreenRect;
}

const markOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('mark[data-annotation-id]') : null;

const rectOf = (element: Element): ScreenRect => {
  const { top, bottom, left, right } = element.getBoundingClientRect();
  return { top, bottom, left, right };
};

export function useHighlightPopover(container: RefObject<HTMLElement | null>, scroller: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState<OpenPopover | null>(null);

  const close = (returnFocus: boolean) => {
    setOpen(null);
    if (!open || !returnFocus || !container.current) return;
    annotationMarks(container.current, open.annotationId)[0]?.focus({ preventScroll: true });
  };

  const isOpen = open !== null;
  useEffect(() => {
    if (!isOpen) return;
    const dismiss = () => setOpen(null);
    const scrollElement = scroller.current;
    const follow = () =>
      setOpen((current) => {
        const mark = current && container.current ? annotationMarks(container.current, current.annotationId)[0] : undefined;
        if (!current || !mark || !scrollElement) return null;
        const anchor = rectOf(mark);
        const view = scrollElement.getBoundingClientRect();
        return anchor.bottom <= view.top || anchor.top >= view.bottom ? null : { ...current, anchor };
      });
    scrollElement?.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', dismiss);
    return () => {
      scrollElement?.removeEventListener('scroll', follow);
      window.removeEventListener('resize', dismiss);
    };
  }, [isOpen, scroller, container]);

  /** A click in the text: on a highlight, with nothing selected, opens its popover. True if it did. */
  const onTextClick = (event: MouseEvent<HTMLElement>): boolean => {
    const mark = markOf(event.target);
    const nothingSelected = mark?.ownerDocument.getSelection()?.isCollapsed ?? true;
    if (!mark?.dataset.annotationId || !nothingSelected) return false;
    setOpen({ annotationId: mark.dataset.annotationId, anchor: rectOf(mark) });
    return true;
  };

  /** Enter or Space on a focused highlight opens its popover. */
  const onTextKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const mark = event.target === event.currentTarget ? null : markOf(event.target);
    if (!mark?.dataset.annotationId || (event.key !== 'Enter' && event.key !== ' ')) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    event.preventDefault();
    setOpen({ annotationId: mark.dataset.annotationId, anchor: rectOf(mark) });
  };

  /** Opens the popover of a highlight found some other way (a click on a PDF page's highlight). */
  const openAt = (annotationId: string, anchor: ScreenRect) => setOpen({ annotationId, anchor });

  return { open, close, onTextClick, onTextKeyDown, openAt };
}
