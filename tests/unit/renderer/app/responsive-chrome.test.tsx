import { LocaleRoot } from '../../../../renderer/i18n/LocaleRoot';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/models';
import { DropOverlay } from '../../../../renderer/library/DropOverlay';
import { annotationOn } from '../support/annotation-on';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

function library() {
  return createFakeApi({
    articles: [makeArticle({ id: 'h1', title: 'Harbour Morning' })],
    contents: new Map([['h1', makeContent('h1', '<p>The boats left the quiet harbour at dawn.</p>')]]),
  });
}

describe('the header menu', () => {
  it('is a named disclosure: opens, closes on Escape with focus back on its button, and closes after a choice', async () => {
    const { user } = renderWithApi(library());
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(within(panel).getByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(panel).getByRole('button', { name: 'Bookmarks' }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });
});

describe('Preferences typography', () => {
  it('sets side margins, paragraph spacing, justification and hyphenation, applied at once and saved', async () => {
    const api = library();
    const { user } = renderWithApi(api);
    await user.click(screen.getByRole('button', { name: 'Preferences' }));
    const dialog = screen.getByRole('dialog', { name: 'Preferences' });
    fireEvent.change(within(dialog).getByRole('slider', { name: 'Side margins' }), { target: { value: '80' } });
    expect(api.setSettings).toHaveBeenLastCalledWith({ sideMargin: 80 });
    expect(document.documentElement.style.getPropertyValue('--reader-side-margin')).toBe('80px');
    fireEvent.change(within(dialog).getByRole('slider', { name: 'Paragraph spacing' }), { target: { value: '0.7000000000000001' } });
    expect(api.setSettings).toHaveBeenLastCalledWith({ paragraphSpacing: 0.7 });
    expect(document.documentElement.style.getPropertyValue('--reader-paragraph-spacing')).toBe('0.7em');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Justify' }));
    expect(api.setSettings).toHaveBeenLastCalledWith({ justify: true });
    expect(document.documentElement.dataset.justify).toBe('true');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Hyphenate' }));
    expect(api.setSettings).toHaveBeenLastCalledWith({ hyphenate: false });
    expect(document.documentElement.dataset.hyphenate).toBe('false');
  });
});

describe('leaving the reader by keyboard', () => {
  async function openReader() {
    const view = renderWithApi(library());
    await view.user.click(await screen.findByRole('button', { name: 'Harbour Morning' }));
    await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });
    return view;
  }

  it('Escape goes back to the library, to the article it came from', async () => {
    const { user } = await openReader();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'Harbour Morning' })).toHaveFocus();
  });

  it('Alt+← does the same', async () => {
    const { user } = await openReader();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
  });

  it('Escape closes an open dialog or menu first and stays in the reader', async () => {
    const { user } = await openReader();
    await user.click(screen.getByRole('button', { name: 'Text layout' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Text layout' })).toHaveAttribute('aria-expanded', 'false');
    await user.click(screen.getByRole('button', { name: 'Preferences' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Harbour Morning' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
  });

  it('F turns focus mode on and off, saved in the settings', async () => {
    const api = library();
    const { user } = renderWithApi(api);
    await user.click(await screen.findByRole('button', { name: 'Harbour Morning' }));
    await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });
    const toggle = screen.getByRole('button', { name: 'Focus mode' });
    await user.keyboard('f');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(api.setSettings).toHaveBeenLastCalledWith({ focusMode: true });
    // In focus mode the panel is a drawer, closed until its button opens it.
    expect(screen.queryByRole('complementary', { name: 'Bookmarks and notes' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Bookmarks and notes/ }));
    expect(screen.getByRole('complementary', { name: 'Bookmarks and notes' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Bookmarks and notes' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Bookmarks and notes/ })).toHaveFocus();
    await user.keyboard('f');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('the bookmarks drawer', () => {
  it('stays closed when a highlight is clicked: the highlight’s own popover offers its colour, note and delete', async () => {
    const content = makeContent('h1', '<p>The boats left the quiet harbour at dawn.</p>');
    const api = createFakeApi({
      articles: [makeArticle({ id: 'h1', title: 'Harbour Morning' })],
      contents: new Map([['h1', content]]),
      annotations: [annotationOn({ id: 'h1', text: content.text }, 'quiet harbour', { id: 'q1', color: 'green' })],
      settings: { ...DEFAULT_SETTINGS, focusMode: true },
    });
    const { user } = renderWithApi(api);
    await user.click(await screen.findByRole('button', { name: 'Harbour Morning' }));
    await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });
    expect(screen.queryByRole('complementary', { name: 'Bookmarks and notes' })).not.toBeInTheDocument();
    await user.click(document.querySelector<HTMLElement>('mark[data-annotation-id="q1"]')!);
    const popover = screen.getByRole('toolbar', { name: 'Bookmark highlight' });
    expect(within(popover).getByRole('button', { name: 'Green' })).toHaveFocus();
    expect(screen.queryByRole('complementary', { name: 'Bookmarks and notes' })).not.toBeInTheDocument();
  });
});

describe('the drop overlay', () => {
  it('names every format the importer reads', () => {
    render(<DropOverlay />, { wrapper: LocaleRoot });
    expect(screen.getByText('EPUB, PDF, HTML, Markdown, and text files')).toBeInTheDocument();
  });
});
