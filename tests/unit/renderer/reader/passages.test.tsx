import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { annotationAt, openReader, placeSelectionsOnScreen, select, text } from './harbour-reader';

describe('Reader passages', () => {
  it('renders the article so that its text is exactly the canonical text', async () => {
    const { container, heading } = await openReader();
    expect(container.textContent).toBe(text);
    expect(container).toHaveAttribute('lang', 'en');
    // Detected from the text (the metadata has none); each block finds its own direction too.
    expect(container).toHaveAttribute('dir', 'ltr');
    for (const block of Array.from(container.querySelectorAll('p'))) expect(block).toHaveAttribute('dir', 'auto');
    expect(heading).toHaveFocus();
    expect(screen.getByText('By Ann Sailor')).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Bookmarks and notes' })).toBeInTheDocument();
  });

  it('bookmarks the selected passage with its offsets and lists it in the side panel', async () => {
    const { api, user, container } = await openReader();
    const passage = select(container, 'the quiet harbour at');

    await user.click(screen.getByRole('button', { name: 'Bookmark selection' }));
    const dialog = screen.getByRole('dialog', { name: 'New bookmark' });
    const colours = within(dialog).getByRole('radiogroup', { name: 'Colour' });
    expect(within(colours).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'Yellow',
      'Green',
      'Blue',
      'Pink',
      'Purple',
    ]);
    await user.click(within(colours).getByRole('radio', { name: 'Green' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Lovely *image*');
    await user.click(within(dialog).getByRole('button', { name: 'Save bookmark' }));

    expect(api.createAnnotation).toHaveBeenCalledWith({
      articleId: 's1',
      kind: 'bookmark',
      passage,
      color: 'green',
      note: 'Lovely *image*',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const panel = screen.getByRole('complementary', { name: 'Bookmarks and notes' });
    expect(within(panel).getByText('the quiet harbour at')).toBeInTheDocument();
    expect(within(panel).getByText('image').tagName).toBe('EM');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('1 bookmark, 0 notes');
    // The passage is highlighted in the text, and the text itself is unchanged.
    const marks = Array.from(container.querySelectorAll('mark.quire-highlight'));
    expect(marks.map((m) => m.textContent).join('')).toBe('the quiet harbour at');
    expect(marks.every((m) => m.classList.contains('quire-color-green'))).toBe(true);
    expect(container.textContent).toBe(text);
  });

  it('adds a note on a passage from the selection’s colour bar, only with some text in it', async () => {
    const restore = placeSelectionsOnScreen();
    try {
      const { api, user, container } = await openReader();
      const passage = select(container, 'Gulls follow');
      const toolbar = await screen.findByRole('toolbar', { name: 'Highlight the selected passage' });
      await user.click(within(toolbar).getByRole('button', { name: 'Note' }));

      const dialog = screen.getByRole('dialog', { name: 'New note' });
      await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
      expect(within(dialog).getByText('Write the note first.')).toBeInTheDocument();
      expect(api.createAnnotation).not.toHaveBeenCalled();
      await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Birds!');
      await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
      expect(api.createAnnotation).toHaveBeenCalledWith({
        articleId: 's1',
        kind: 'note',
        passage,
        color: 'yellow',
        note: 'Birds!',
      });
      expect(screen.queryByRole('toolbar', { name: 'Highlight the selected passage' })).not.toBeInTheDocument();
      expect(within(screen.getByRole('complementary')).getByRole('heading', { level: 2 })).toHaveTextContent(
        '0 bookmarks, 1 note',
      );
    } finally {
      restore();
    }
  });

  it('writes a note on the whole article', async () => {
    const { api, user } = await openReader();
    await user.click(screen.getByRole('button', { name: 'Note on this article' }));
    const dialog = screen.getByRole('dialog', { name: 'New note' });
    expect(within(dialog).queryByRole('radiogroup')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Note' })).toHaveFocus();
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Whole piece is good');
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    expect(api.createAnnotation).toHaveBeenCalledWith({ articleId: 's1', kind: 'note', note: 'Whole piece is good' });
    expect(within(screen.getByRole('complementary')).getByText('Note on the whole article')).toBeInTheDocument();
  });

  it('lists annotations in text order and jumps to a passage from the panel', async () => {
    const later = annotationAt('Gulls follow', { id: 'later' });
    const earlier = annotationAt('Ships sail', { id: 'earlier', color: 'pink' });
    const { user, container } = await openReader([later, earlier]);
    const panel = screen.getByRole('complementary', { name: 'Bookmarks and notes' });
    const quotes = within(panel).getAllByRole('button', { name: /^Bookmark, / });
    expect(quotes.map((q) => q.textContent)).toEqual(['Bookmark, pink: Ships sail', 'Bookmark, blue: Gulls follow']);

    await user.click(quotes[1]!);
    const mark = container.querySelector('mark[data-annotation-id="later"]');
    expect(mark).toHaveFocus();
  });

  it('edits the colour and note of a bookmark', async () => {
    const { api, user } = await openReader([annotationAt('Ships sail', { id: 'b1' })]);
    const panel = screen.getByRole('complementary', { name: 'Bookmarks and notes' });
    await user.click(within(panel).getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit bookmark' });
    expect(within(dialog).getByRole('radio', { name: 'Blue' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Purple' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'sails!');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(api.updateAnnotation).toHaveBeenCalledWith('s1', 'b1', { color: 'purple', note: 'sails!' });
    expect(document.querySelector('mark[data-annotation-id="b1"]')).toHaveClass('quire-color-purple');
    expect(within(panel).getByText('sails!')).toBeInTheDocument();
  });

  it('deletes a bookmark and Undo puts it back as it was (same id, passage, colour and note)', async () => {
    const bookmark = annotationAt('quiet harbour', { id: 'b1', color: 'pink', note: 'calm' });
    const { api, user, container } = await openReader([bookmark]);
    const panel = screen.getByRole('complementary', { name: 'Bookmarks and notes' });

    await user.click(within(panel).getByRole('button', { name: 'Delete' }));
    expect(api.deleteAnnotation).toHaveBeenCalledWith('s1', 'b1');
    expect(within(panel).queryByText('quiet harbour')).not.toBeInTheDocument();
    expect(container.querySelector('mark.quire-highlight')).toBeNull();

    const toast = screen.getByText('Bookmark deleted').closest('[role="status"]') as HTMLElement;
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(api.restoreAnnotation).toHaveBeenCalledWith(bookmark);
    expect(await within(panel).findByText('quiet harbour')).toBeInTheDocument();
    const marks = Array.from(container.querySelectorAll('mark.quire-highlight'));
    expect(marks.map((m) => m.textContent).join('')).toBe('quiet harbour');
  });

  it('lists a passage the core could not place with its quote, never highlights it, and attaches it to a new selection', async () => {
    const lost = annotationAt('quiet harbour', { id: 'lost', note: 'where was this?', anchorState: 'unplaced' });
    const { api, user, container } = await openReader([lost]);
    const panel = screen.getByRole('complementary', { name: 'Bookmarks and notes' });
    expect(within(panel).getByText('Passage not found in the text:')).toBeInTheDocument();
    expect(within(panel).getByText('quiet harbour')).toBeInTheDocument();
    expect(container.querySelector('mark.quire-highlight')).toBeNull();

    select(container, 'Gulls follow them');
    await user.click(within(panel).getByRole('button', { name: 'Attach to selection' }));
    const start = text.indexOf('Gulls follow them');
    expect(api.updateAnnotation).toHaveBeenCalledWith('s1', 'lost', { passage: { start, end: start + 'Gulls follow them'.length } });
    const marks = Array.from(container.querySelectorAll('mark.quire-highlight'));
    expect(marks.map((m) => m.textContent).join('')).toBe('Gulls follow them');
    expect(within(panel).queryByText('Passage not found in the text:')).not.toBeInTheDocument();
  });

  it('bookmarks the whole article, listed in the panel and in the Bookmarks view', async () => {
    const { api, user } = await openReader();
    const panel = screen.getByRole('complementary', { name: 'Bookmarks and notes' });
    await user.click(within(panel).getByRole('button', { name: 'Bookmark this article' }));
    expect(api.createAnnotation).toHaveBeenCalledWith({ articleId: 's1', kind: 'bookmark' });
    expect(await within(panel).findByText('Bookmark on the whole article')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bookmarks' }));
    const list = await screen.findByRole('list', { name: 'Bookmarks' });
    expect(within(list).getByText('Bookmark on the whole article')).toBeInTheDocument();
  });

  it('asks for a selection when there is none', async () => {
    const { user } = await openReader();
    document.getSelection()?.removeAllRanges();
    await user.click(screen.getByRole('button', { name: 'Bookmark selection' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/Select a passage in the article first/)).toBeInTheDocument();
  });

  it('changes text size, theme and font through the settings', async () => {
    const { api, user } = await openReader();
    await user.click(screen.getByRole('button', { name: 'Larger text' }));
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontSize: 20 });
    await user.click(screen.getByRole('button', { name: 'Smaller text' }));
    await user.click(screen.getByRole('button', { name: 'Smaller text' }));
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontSize: 18 });
    expect(document.documentElement.style.getPropertyValue('--reader-font-size')).toBe('18px');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Sepia');
    expect(api.setSettings).toHaveBeenLastCalledWith({ theme: 'sepia' });
    expect(document.documentElement.dataset.theme).toBe('sepia');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Font' }), 'Sans');
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontFamily: 'sans' });
  });

  it('goes back to the library with focus on the article it came from', async () => {
    const { user } = await openReader();
    await user.click(screen.getByRole('button', { name: 'Back to library' }));
    expect(await screen.findByRole('button', { name: 'Harbour Morning' })).toHaveFocus();
  });
});
