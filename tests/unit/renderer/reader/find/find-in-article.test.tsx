import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../../../electron/shared/models';
import { FIND_CURRENT_HIGHLIGHT, FIND_HIGHLIGHT } from '../../../../../renderer/reader/find/find-highlights';
import { ReaderView } from '../../../../../renderer/reader/ReaderView';
import { offsetsToRange } from '../../../../../renderer/reader/text-offsets';
import { createFakeApi, makeArticle, makeContent } from '../../support/fake-api';
import { renderWithApi } from '../../support/render-app';
import { annotationOn } from '../../support/annotation-on';

const HTML =
  '<h2>Café society</h2><p>The cafe opened at dawn. A <strong>CAFÉ</strong> au lait.</p>' +
  '<p>Whales swam near the café.</p>';
const content = makeContent('c1', HTML);
const text = content.text;

/** jsdom paints nothing: a registry like the browser's CSS.highlights records what find paints. */
class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
});
afterEach(() => vi.unstubAllGlobals());

const painted = (name: string) => [...(registry.get(name) ?? [])].map((range) => range.toString());

function bookmarkOn(exact: string): Annotation {
  return annotationOn({ id: 'c1', text }, exact, { id: 'b1', color: 'green' });
}

async function openReader(annotations: Annotation[] = []) {
  const api = createFakeApi({
    articles: [makeArticle({ id: 'c1', title: 'Morning' })],
    contents: new Map([['c1', content]]),
    annotations,
  });
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name: 'Morning' }));
  await screen.findByRole('heading', { level: 1, name: 'Morning' });
  const scroller = screen.getByRole('region', { name: 'Article text' });
  const container = document.querySelector<HTMLElement>('.article-content')!;
  return { ...view, scroller, container };
}

const findBar = () => screen.getByRole('search', { name: 'Find in article' });
const findField = () => within(findBar()).getByRole<HTMLInputElement>('textbox', { name: 'Find in article' });

describe('Find in the article', () => {
  it('Ctrl+F opens a focused field; typing highlights every match, accents or not; Enter and Shift+Enter wrap around', async () => {
    const { user, scroller } = await openReader();
    scroller.focus();
    await user.keyboard('{Control>}f{/Control}');
    expect(findField()).toHaveFocus();

    await user.keyboard('cafe');
    expect(await within(findBar()).findByText('1 of 4')).toBeInTheDocument();
    expect(painted(FIND_HIGHLIGHT)).toEqual(['Café', 'cafe', 'CAFÉ', 'café']);
    expect(painted(FIND_CURRENT_HIGHLIGHT)).toEqual(['Café']);
    // The count is read out as it changes, and with the field.
    const count = within(findBar()).getByText('1 of 4');
    expect(count).toHaveAttribute('aria-live', 'polite');
    expect(findField()).toHaveAccessibleDescription('1 of 4');

    await user.keyboard('{Enter}');
    expect(within(findBar()).getByText('2 of 4')).toBeInTheDocument();
    expect(painted(FIND_CURRENT_HIGHLIGHT)).toEqual(['cafe']);
    await user.keyboard('{Shift>}{Enter}{Enter}{/Shift}');
    expect(within(findBar()).getByText('4 of 4')).toBeInTheDocument();
    expect(painted(FIND_CURRENT_HIGHLIGHT)).toEqual(['café']);
    await user.keyboard('{Enter}');
    expect(within(findBar()).getByText('1 of 4')).toBeInTheDocument();
    await user.click(within(findBar()).getByRole('button', { name: 'Next match' }));
    expect(within(findBar()).getByText('2 of 4')).toBeInTheDocument();
    await user.click(within(findBar()).getByRole('button', { name: 'Previous match' }));
    expect(within(findBar()).getByText('1 of 4')).toBeInTheDocument();

    // The article's DOM is untouched: no marks, the same text.
    expect(document.querySelectorAll('.article-content mark')).toHaveLength(0);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search', { name: 'Find in article' })).not.toBeInTheDocument();
    expect(registry.size).toBe(0);
    expect(scroller).toHaveFocus();
  });

  it('says "No matches", and F3, Ctrl+G and N move from the article text too', async () => {
    const { user, scroller } = await openReader();
    fireEvent.keyDown(scroller, { key: 'f', ctrlKey: true });
    await user.type(findField(), 'zebra');
    expect(await within(findBar()).findByText('No matches')).toBeInTheDocument();
    expect(within(findBar()).getByRole('button', { name: 'Next match' })).toBeDisabled();

    await user.clear(findField());
    await user.type(findField(), 'the');
    expect(await within(findBar()).findByText('1 of 2')).toBeInTheDocument();
    scroller.focus();
    fireEvent.keyDown(scroller, { key: 'F3' });
    expect(within(findBar()).getByText('2 of 2')).toBeInTheDocument();
    fireEvent.keyDown(scroller, { key: 'g', ctrlKey: true });
    expect(within(findBar()).getByText('1 of 2')).toBeInTheDocument();
    fireEvent.keyDown(scroller, { key: 'G', ctrlKey: true, shiftKey: true });
    expect(within(findBar()).getByText('2 of 2')).toBeInTheDocument();
    fireEvent.keyDown(scroller, { key: 'n' });
    expect(within(findBar()).getByText('1 of 2')).toBeInTheDocument();

    // Ctrl+F again puts the cursor back in the field, the query selected for retyping.
    fireEvent.keyDown(scroller, { key: 'f', ctrlKey: true });
    expect(findField()).toHaveFocus();
    expect(findField().selectionStart).toBe(0);
    expect(findField().selectionEnd).toBe(3);

    await user.click(within(findBar()).getByRole('button', { name: 'Close find' }));
    expect(registry.size).toBe(0);
    // Opened again: the last query, searched at once.
    fireEvent.keyDown(scroller, { key: 'f', ctrlKey: true });
    expect(findField()).toHaveValue('the');
    expect(await within(findBar()).findByText(/of 2$/)).toBeInTheDocument();
  });

  it('starts with the selected text', async () => {
    const { container, scroller } = await openReader();
    const start = text.indexOf('Whales');
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(offsetsToRange(container, { start, end: start + 'Whales'.length })!);
    fireEvent.keyDown(scroller, { key: 'f', ctrlKey: true });
    expect(findField()).toHaveValue('Whales');
    expect(await within(findBar()).findByText('1 of 1')).toBeInTheDocument();
    expect(painted(FIND_CURRENT_HIGHLIGHT)).toEqual(['Whales']);
  });

  it('leaves Ctrl+F alone outside the reader (the library search box keeps its own keys)', async () => {
    await openReader();
    const librarySearch = screen.getByRole('searchbox', { name: 'Search library' });
    librarySearch.focus();
    const pressed = fireEvent.keyDown(librarySearch, { key: 'f', ctrlKey: true });
    expect(pressed).toBe(true); // not prevented: the browser's own find
    expect(screen.queryByRole('search', { name: 'Find in article' })).not.toBeInTheDocument();
  });

  it('paints the matches again, on the right words, when a bookmark is drawn into the text', async () => {
    const { user, scroller } = await openReader([bookmarkOn('cafe opened at dawn')]);
    expect(document.querySelectorAll('.article-content mark.quire-highlight').length).toBeGreaterThan(0);
    fireEvent.keyDown(scroller, { key: 'f', ctrlKey: true });
    await user.type(findField(), 'dawn');
    expect(await within(findBar()).findByText('1 of 1')).toBeInTheDocument();
    expect(painted(FIND_HIGHLIGHT)).toEqual(['dawn']);
    // The bookmark's mark is still there and still whole.
    expect(document.querySelector('.article-content mark.quire-highlight')?.textContent).toBe('cafe opened at dawn');

    // Drawing the marks again (as saving an annotation does) splits and joins text nodes.
    const mark = document.querySelector('.article-content mark.quire-highlight')!;
    mark.replaceWith(...Array.from(mark.childNodes));
    await waitFor(() => expect(painted(FIND_HIGHLIGHT)).toEqual(['dawn']));
  });
});

describe('Find in an article opened from a search', () => {
  it('takes the place of the search-match bar, starting with the searched word', async () => {
    const api = createFakeApi({ articles: [makeArticle({ id: 'c1', title: 'Morning' })], contents: new Map([['c1', content]]) });
    const passage = { start: text.indexOf('Whales'), end: text.indexOf('Whales') + 6 };
    const { user } = renderWithApi(
      api,
      <div>
        <ReaderView articleId="c1" target={{ passage, terms: ['whales'], annotationId: null }} onBack={() => undefined} />
      </div>,
    );
    const bar = await screen.findByRole('group', { name: 'Search matches' });
    expect(bar).toHaveTextContent('1 of 1');
    expect(document.querySelectorAll('mark.quire-search-match')).toHaveLength(1);

    const scroller = screen.getByRole('region', { name: 'Article text' });
    scroller.focus();
    await user.keyboard('{Control>}f{/Control}');
    expect(screen.queryByRole('group', { name: 'Search matches' })).not.toBeInTheDocument();
    expect(document.querySelectorAll('mark.quire-search-match')).toHaveLength(0);
    expect(findField()).toHaveValue('whales');
    expect(await within(findBar()).findByText('1 of 1')).toBeInTheDocument();
  });
});
