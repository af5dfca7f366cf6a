/**
 * Whether the header folds its sections and actions behind the Menu button. They stay a row while
 * the brand, a search box as wide as its placeholder and the whole row fit in the header; how wide
 * that is depends on the interface language (the German row is about 200 px wider than the
 * English one, the French placeholder 120 px), so it is measured, not a fixed breakpoint. The row
 * is measured laid out as a row (before paint, whenever its words change), then only the window's
 * width is compared with it.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Before anything is measured (and where nothing can be: no layout), the English row's width. */
const UNMEASURED_BREAKPOINT = 1160;

/** The width of `text` in the font of `like` (an off-screen span: the placeholder is not an element). */
function textWidth(text: string, like: HTMLElement): number {
  const probe = document.createElement('span');
  const style = getComputedStyle(like);
  Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre', font: style.font, letterSpacing: style.letterSpacing });
  probe.textContent = text;
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

/** The header's width that holds everything in one row, measured while it is laid out as a row. */
function rowWidthNeeded(header: HTMLElement, row: HTMLElement): number {
  const style = getComputedStyle(header);
  const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
  const gap = parseFloat(style.columnGap) || 0;
  const brand = header.querySelector<HTMLElement>('.brand')?.getBoundingClientRect().width ?? 0;
  const input = header.querySelector<HTMLInputElement>('.search-input');
  const inputStyle = input ? getComputedStyle(input) : null;
  const search =
    input && inputStyle
      ? textWidth(input.placeholder, input) + parseFloat(inputStyle.paddingInlineStart) + parseFloat(inputStyle.paddingInlineEnd) + 2
      : 0;
  // Brand, search box and row, with a gap between each.
  return Math.ceil(padding + brand + search + row.scrollWidth + 2 * gap);
}

/**
 * Keeps the header's `data-compact` (the CSS's switch) true while the row does not fit. An
 * attribute the hook owns, not React state: it is a measurement of the laid-out page, made again
 * before paint whenever `words` change (the locale, a busy import's label) and compared with the
 * header's width on every resize.
 */
export function useCompactHeader(header: RefObject<HTMLElement | null>, row: RefObject<HTMLElement | null>, words: string): void {
  const needed = useRef(UNMEASURED_BREAKPOINT);

  useLayoutEffect(() => {
    const element = header.current;
    const measured = row.current;
    if (!element || !measured) return;
    const apply = (): void => {
      element.toggleAttribute('data-compact', element.clientWidth < needed.current);
    };
    const measure = (): void => {
      // Laid out as a row to be measured; the browser paints only the outcome.
      element.removeAttribute('data-compact');
      needed.current = rowWidthNeeded(element, measured) || UNMEASURED_BREAKPOINT;
      apply();
    };
    measure();
    let live = true;
    // A web font that arrives late changes the words' widths.
    void document.fonts?.ready.then(() => {
      if (live) measure();
    });
    window.addEventListener('resize', apply);
    return () => {
      live = false;
      window.removeEventListener('resize', apply);
    };
  }, [header, row, words]);
}
