/** The reader open on a short article ("Harbour Morning"), and text selection in it, for the reader's tests. */
import { screen } from '@testing-library/react';
import type { Annotation } from '../../../../electron/shared/models';
import { offsetsToRange } from '../../../../renderer/reader/text-offsets';
import { annotationOn } from '../support/annotation-on';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

const HTML =
  '<h2>The <em>first</em> part</h2><p>Ships sail <strong>across the <em>quiet</em> harbour</strong> at dawn.</p>' +
  '<p>Gulls follow them out to sea.</p>';
export const content = makeContent('s1', HTML);
export const text = content.text;

export function annotationAt(exact: string, overrides: Partial<Annotation> = {}): Annotation {
  return annotationOn({ id: 's1', text }, exact, { id: `existing-${text.indexOf(exact)}`, color: 'blue', ...overrides });
}

export async function openReader(annotations: Annotation[] = []) {
  const api = createFakeApi({
    articles: [makeArticle({ id: 's1', title: 'Harbour Morning', byline: 'By Ann Sailor', siteName: 'Sea Log' })],
    contents: new Map([['s1', content]]),
    annotations,
  });
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name: 'Harbour Morning' }));
  const heading = await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });
  const container = document.querySelector<HTMLElement>('.article-content')!;
  return { api, ...view, heading, container };
}

/** Selects `exact` in the article as a user would; returns its offsets. */
export function select(container: HTMLElement, exact: string) {
  const start = text.indexOf(exact);
  const range = offsetsToRange(container, { start, end: start + exact.length })!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
  return { start, end: start + exact.length };
}

/** jsdom has no layout: gives selections a place on screen, so the colour bar shows. Returns the undo. */
export function placeSelectionsOnScreen(): () => void {
  const rect = { top: 300, bottom: 320, left: 100, right: 300, width: 200, height: 20, x: 100, y: 300 };
  Range.prototype.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect }) as DOMRect;
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  return () => {
    delete (Range.prototype as Partial<Range>).getBoundingClientRect;
    delete (Range.prototype as Partial<Range>).getClientRects;
  };
}
