import { useText } from '../i18n/use-text';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleMeta, MarkedReadState } from '../../electron/shared/models';
import { ArticleRow } from './ArticleRow';
import { observeScrollerRect, scrollerOf, useScrollMargin } from './virtual-scroller';

/** A first guess of a row's height; each row is measured once shown. */
const ESTIMATED_ROW_PX = 118;

interface VirtualArticleListProps {
  articles: ArticleMeta[];
  /** false while `articles` is the first screen only: the list says it is busy */
  complete: boolean;
  selected: ReadonlySet<string>;
  onOpen: (article: ArticleMeta) => void;
  onTrash: (article: ArticleMeta) => void;
  onMark: (article: ArticleMeta, readState: MarkedReadState) => void;
  onEdit: (article: ArticleMeta) => void;
  onSelect: (article: ArticleMeta, extend: boolean) => void;
  /** focus this article's title once the list shows it (the article just closed) */
  focusArticleId: string | null;
  onFocusDone: () => void;
}

/**
 * The library list, virtualized: only the rows near the window are in the page, so 10,000
 * articles scroll as smoothly as ten. Keyboard: ↑/↓ move between rows, Home/End to the first and
 * last, Shift+↑/↓ select while moving, Space selects; Tab reaches each row's controls.
 */
export function VirtualArticleList(props: VirtualArticleListProps) {
  const { articles, complete, selected, onOpen, onTrash, onMark, onEdit, onSelect, focusArticleId, onFocusDone } = props;
  const list = useRef<HTMLUListElement>(null);
  const text = useText();
  const [active, setActive] = useState(0);
  /** which row to focus once rendered, and what in it */
  const pendingFocus = useRef<{ index: number; target: 'select' | 'title' } | null>(null);

  const scrollMargin = useScrollMargin(list);

  // The virtualizer's functions change as it scrolls: this component must not be memoized.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: articles.length,
    getScrollElement: () => scrollerOf(list.current),
    observeElementRect: observeScrollerRect,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => articles[index]?.id ?? index,
  });

  const focusRow = useCallback(
    (index: number, target: 'select' | 'title') => {
      const clamped = Math.max(0, Math.min(articles.length - 1, index));
      setActive(clamped);
      pendingFocus.current = { index: clamped, target };
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    },
    [articles.length, virtualizer],
  );

  // After the list renders the row asked for, move focus into it.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-index="${pending.index}"]`);
    const control = row?.querySelector<HTMLElement>(pending.target === 'title' ? '.article-title-button' : '.article-select');
    if (control) {
      pendingFocus.current = null;
      control.focus();
    }
  });

  useEffect(() => {
    if (focusArticleId === null) return;
    const index = articles.findIndex((a) => a.id === focusArticleId);
    if (index >= 0) focusRow(index, 'title');
    onFocusDone();
  }, [articles, focusArticleId, focusRow, onFocusDone]);

  // The list changed under the active row (filter, delete): keep it within bounds.
  const activeIndex = Math.min(active, Math.max(0, articles.length - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as HTMLElement).tagName === 'INPUT' && (event.target as HTMLInputElement).type === 'text') return;
    const index = Number(row.dataset.index);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = index + 1;
    else if (event.key === 'ArrowUp') next = index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = articles.length - 1;
    if (next === null) return;
    event.preventDefault();
    next = Math.max(0, Math.min(articles.length - 1, next));
    if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      const target = articles[next];
      if (target && !selected.has(target.id)) onSelect(target, false);
    }
    focusRow(next, 'select');
  };

  return (
    <ul
      className="article-list"
      aria-label={text('library.articles')}
      aria-busy={!complete}
      ref={list}
      onKeyDown={onKeyDown}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const article = articles[item.index]!;
        return (
          <li
            key={item.key}
            data-index={item.index}
            data-article-id={article.id}
            ref={virtualizer.measureElement}
            aria-setsize={articles.length}
            aria-posinset={item.index + 1}
            className="article-list-item"
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            onFocus={() => setActive(item.index)}
          >
            <ArticleRow
              article={article}
              selected={selected.has(article.id)}
              active={item.index === activeIndex}
              onOpen={onOpen}
              onTrash={onTrash}
              onMark={onMark}
              onEdit={onEdit}
              onSelect={onSelect}
            />
          </li>
        );
      })}
    </ul>
  );
}
