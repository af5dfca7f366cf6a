/**
 * A long book opens at its saved place before its whole text has arrived: the chapter holding the
 * place came with the core's first answer and is shown at once, scrolled to the place, with a
 * status line saying the rest is loading; once the text is in, the reader proper takes over at
 * the same place, with the whole text.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleContent, ContentChapter, ContentOptions } from '../../../../electron/shared/models';
import { ok } from '../../../../electron/shared/result';
import { createFakeApi, makeArticle } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';
import type * as ReadingPosition from '../../../../renderer/reader/reading-position';

// jsdom lays nothing out: where the reader is scrolled to is recorded.
const scrolledTo = vi.hoisted(() => [] as number[]);
vi.mock('../../../../renderer/reader/reading-position', async (original) => ({
  ...(await original<typeof ReadingPosition>()),
  scrollToTextOffset: (_scroller: HTMLElement, _container: HTMLElement, offset: number) => scrolledTo.push(offset),
}));

const SECTIONS = [
  '<section id="c0"><h2>Loomings</h2><p>Call me Ishmael.</p></section>',
  '<section id="c1"><h2>The Carpet-Bag</h2><p>I stuffed a shirt or two into my old carpet-bag.</p></section>',
  '<section id="c2"><h2>The Spouter-Inn</h2><p>Entering that gable-ended Spouter-Inn.</p></section>',
  '<section id="c3"><h2>The Counterpane</h2><p>Upon waking next morning about daylight.</p></section>',
];

/** The book as the core has it: its text, and its chapters with where each is in the text. */
function book() {
  const holder = document.createElement('div');
  const chapters: ContentChapter[] = [];
  let text = '';
  SECTIONS.forEach((html, index) => {
    holder.innerHTML = html;
    const chapterText = holder.textContent ?? '';
    if (index > 0) text += '\n';
    chapters.push({ anchor: `c${index}`, label: holder.querySelector('h2')!.textContent!, start: text.length, end: text.length + chapterText.length, words: 10, html });
    text += chapterText;
  });
  return { text, chapters };
}

afterEach(() => {
  vi.unstubAllGlobals();
  scrolledTo.length = 0;
});

describe('a long book opening', () => {
  it('shows the saved place at once, then the whole book there once its text is in', async () => {
    const { text, chapters } = book();
    const position = chapters[2]!.start + 12;
    const whole: ArticleContent = { id: 'b1', html: '', text, chapters: chapters.map(({ html: _html, ...chapter }, index) => (index === 2 || index === 3 ? { ...chapter, html: SECTIONS[index] } : chapter)) };
    const api = createFakeApi({ articles: [makeArticle({ id: 'b1', title: 'Moby-Dick', format: 'epub', position, progress: 0.6 })] });
    api.getContent.mockImplementation(async (_id: string, options?: ContentOptions) => (options?.textApart ? ok({ ...whole, text: '', textApart: { length: text.length } }) : ok(whole)));
    api.getChapter.mockImplementation(async (_id: string, chapter: number) => ok({ chapter, html: SECTIONS[chapter]! }));
    // text.txt, read as a file (no Worker in jsdom: the page fetches it), held back until released.
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async () => {
      await arrived;
      return new Response(text);
    });

    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Moby-Dick' }));

    // The place, before the text: its chapter, scrolled to, and a word that the rest is coming.
    expect(await screen.findByText('loading the rest of the book…')).toBeInTheDocument();
    expect(screen.getByText('Entering that gable-ended Spouter-Inn.')).toBeInTheDocument();
    expect(screen.queryByText('Call me Ishmael.')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Moby-Dick' })).toBeInTheDocument();
    expect(scrolledTo).toEqual([12]);
    // Back works meanwhile.
    expect(screen.getByRole('button', { name: 'Back to library' })).toBeEnabled();

    release();
    // The reader proper, at the same place: the whole text, the status of the whole book.
    await waitFor(() => expect(screen.queryByText('loading the rest of the book…')).toBeNull());
    expect(screen.getByTestId('article-body').textContent).toBe(text);
    expect(scrolledTo.at(-1)).toBe(position);
    expect(screen.getByRole('button', { name: /bookmark this article/i })).toBeInTheDocument();
  });

  it('is not shown for a book opened at a search hit elsewhere: that waits for the text', async () => {
    const { text, chapters } = book();
    const whole: ArticleContent = { id: 'b1', html: '', text, chapters };
    const api = createFakeApi({ articles: [makeArticle({ id: 'b1', title: 'Moby-Dick', format: 'epub', position: chapters[2]!.start })] });
    api.getContent.mockImplementation(async (_id: string, options?: ContentOptions) => (options?.textApart ? ok({ ...whole, text: '', textApart: { length: text.length } }) : ok(whole)));
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    const { ReaderView } = await import('../../../../renderer/reader/ReaderView');
    renderWithApi(api, <ReaderView articleId="b1" target={{ passage: { start: 0, end: 4 }, terms: ['call'], annotationId: null }} onBack={() => undefined} />);
    expect(await screen.findByText('Loading the article…')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('Entering that gable-ended Spouter-Inn.')).toBeNull();
  });
});

describe('a right-to-left book opening', () => {
  it('reads right to left from its first words, as the reader will', async () => {
    const sections = ['<section id="c0"><p>في البدء كان الكلمة.</p></section>', '<section id="c1"><p>وكانت الأرض خربة وخالية.</p></section>'];
    const first = 'في البدء كان الكلمة.';
    const second = 'وكانت الأرض خربة وخالية.';
    const text = `${first}\n${second}`;
    const chapters: ContentChapter[] = [
      { anchor: 'c0', label: 'الأول', start: 0, end: first.length, words: 4 },
      { anchor: 'c1', label: 'الثاني', start: first.length + 1, end: text.length, words: 4, html: sections[1] },
    ];
    const api = createFakeApi({ articles: [makeArticle({ id: 'r1', title: 'سفر', format: 'epub', lang: 'ar', position: first.length + 3 })] });
    api.getContent.mockResolvedValue(ok({ id: 'r1', html: '', text: '', chapters, textApart: { length: text.length } }));
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'سفر' }));
    const shown = await screen.findByText(second);
    expect(shown.closest('article')).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('loading the rest of the book…')).toBeInTheDocument();
  });
});
