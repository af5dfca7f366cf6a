import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotationAt, openReader, placeSelectionsOnScreen, select } from './harbour-reader';

const colourBar = () => screen.findByRole('toolbar', { name: 'Highlight the selected passage' });
const popover = () => screen.findByRole('toolbar', { name: 'Bookmark highlight' });
const marksOf = (container: HTMLElement, id: string) => Array.from(container.querySelectorAll(`mark[data-annotation-id="${id}"]`));

describe('Highlights in one step', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = placeSelectionsOnScreen();
  });
  afterEach(() => restore());

  it('one click on a colour in the bar highlights the selection in that colour, and the bar goes', async () => {
    const { api, user, container } = await openReader();
    const passage = select(container, 'quiet harbour');
    const bar = await colourBar();
    expect(within(bar).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Highlight yellow',
      'Highlight green',
      'Highlight blue',
      'Highlight pink',
      'Highlight purple',
      'Note',
      'Copy',
    ]);
    await user.click(within(bar).getByRole('button', { name: 'Highlight green' }));
    expect(api.createAnnotation).toHaveBeenCalledWith({ articleId: 's1', kind: 'bookmark', passage, color: 'green' });
    const marks = Array.from(container.querySelectorAll('mark.quire-highlight'));
    expect(marks.map((m) => m.textContent).join('')).toBe('quiet harbour');
    expect(marks.every((m) => m.classList.contains('quire-color-green'))).toBe(true);
    expect(screen.queryByRole('toolbar', { name: 'Highlight the selected passage' })).not.toBeInTheDocument();
    expect(document.getSelection()?.isCollapsed).toBe(true);
  });

  it('keys: a digit highlights in that colour and focuses the highlight; Enter opens its popover, where the arrows and Enter recolour', async () => {
    const { api, user, container } = await openReader();
    select(container, 'Gulls follow');
    await colourBar();
    await user.keyboard('4');
    expect(api.createAnnotation).toHaveBeenCalledWith(expect.objectContaining({ color: 'pink' }));
    const first = container.querySelector<HTMLElement>('mark.quire-color-pink')!;
    expect(first).toHaveTextContent('Gulls follow');
    expect(first).toHaveFocus();
    const created = { id: first.dataset.annotationId! };

    await user.keyboard('{Enter}');
    const bar = await popover();
    expect(within(bar).getByRole('button', { name: 'Pink' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(bar).getByRole('button', { name: 'Pink' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(bar).getByRole('button', { name: 'Purple' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(api.updateAnnotation).toHaveBeenCalledWith('s1', created.id, { color: 'purple' });
    await waitFor(() => expect(marksOf(container, created.id)[0]).toHaveClass('quire-color-purple'));
    // Drawn again in the new colour, the highlight keeps the focus.
    expect(marksOf(container, created.id)[0]).toHaveFocus();
    expect(screen.queryByRole('toolbar', { name: 'Bookmark highlight' })).not.toBeInTheDocument();
  });

  it('a click on a highlight offers its note and delete; Escape closes the popover and gives the focus back to the highlight', async () => {
    const bookmark = annotationAt('Ships sail', { id: 'b1', color: 'yellow' });
    const { api, user, container } = await openReader([bookmark]);
    await user.click(marksOf(container, 'b1')[0]!);
    await popover();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('toolbar', { name: 'Bookmark highlight' })).not.toBeInTheDocument();
    expect(marksOf(container, 'b1')[0]).toHaveFocus();
    // Still in the reader: the popover took that Escape.
    expect(screen.getByRole('heading', { level: 1, name: 'Harbour Morning' })).toBeInTheDocument();

    await user.click(marksOf(container, 'b1')[0]!);
    await user.click(within(await popover()).getByRole('button', { name: 'Delete' }));
    expect(api.deleteAnnotation).toHaveBeenCalledWith('s1', 'b1');
    expect(marksOf(container, 'b1')).toEqual([]);
  });

  it('the note dialog previews the Markdown safely and saves with Ctrl+Enter', async () => {
    const { api, user, container } = await openReader();
    const passage = select(container, 'Gulls follow');
    await user.keyboard('n');
    const dialog = screen.getByRole('dialog', { name: 'New note' });
    const field = within(dialog).getByRole('textbox', { name: 'Note' });
    expect(field).toHaveFocus();
    await user.type(field, 'So **many** <img src=x onerror=alert(1)>');
    const preview = within(dialog).getByRole('region', { name: 'Preview of the note' });
    expect(within(preview).getByText('many').tagName).toBe('STRONG');
    expect(preview.querySelector('img')).toBeNull();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(api.createAnnotation).toHaveBeenCalledWith({
      articleId: 's1',
      kind: 'note',
      passage,
      color: 'yellow',
      note: 'So **many** <img src=x onerror=alert(1)>',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
