import { useText } from '../i18n/use-text';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { ArticleCard } from './ArticleCard';
import { observeScrollerRect, scrollerOf, useScrollMargin } from './virtual-scroller';

/** The narrowest a card may be; the grid fits as many columns as this allows. */
const MIN_CARD_PX = 150;
const GAP_PX = 16;
/** A first guess of a row of cards' height; each row is measured once shown. */
const ESTIMATED_ROW_PX = 340;

interface VirtualArticleGridProps {
  articles: ArticleMeta[];
  /** false while `articles` is the first screen only: the list says it is busy */
  complete: boolean;
  selected: ReadonlySet<string>;
  onOpen: (article: ArticleMeta) => void;
  onSelect: (article: ArticleMeta, extend: boolean) => void;
}

/** How many cards fit across `width` pixels. */
const columnsFor = (width: number): number => Math.max(1, Math.floor((width + GAP_PX) / (MIN_CARD_PX + GAP_PX)));

/**
 * The library as a grid of covers, virtualized by rows as the list is by articles: 10,000
 * articles put only the rows near the window in the page. Keyboard: the arrow keys move between
 * cards (↑/↓ a row), Home/End to the first and last; Tab reaches a card's checkbox and title.
 */
export function VirtualArticleGrid({ articles, complete, selected, onOpen, onSelect }: VirtualArticleGridProps) {
  const grid = useRef<HTMLDivElement>(null);
  const text = useText();
  const [columns, setColumns] = useState(4);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const scrollMargin = useScrollMargin(grid);

  useEffect(() => {
    const element = grid.current;
    if (!element) return;
    const measure = () => setColumns(columnsFor(element.clientWidth || window.innerWidth));
    measure();
    // Every browser the page runs in has it; a page without layout (tests) keeps the first measure.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const rowCount = Math.ceil(articles.length / columns);
  // The virtualizer's functions change as it scrolls: this component must not be memoized.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollerOf(grid.current),
    observeElementRect: observeScrollerRect,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 2,
    scrollMargin,
  });

  // After the grid renders the card asked for, move focus to its title.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const title = grid.current?.querySelector<HTMLElement>(`[data-card="${pendingFocus.current}"] .article-title-button`);
    if (title) {
      pendingFocus.current = null;
      title.focus();
    }
  });

  const activeIndex = Math.min(active, Math.max(0, articles.length - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-card]');
    if (!card || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const index = Number(card.dataset.card);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      Home: 0,
      End: articles.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined || target < 0 || target >= articles.length) return;
    event.preventDefault();
    setActive(target);
    pendingFocus.current = target;
    virtualizer.scrollToIndex(Math.floor(target / columns), { align: 'auto' });
  };

  return (
    <div
      className="article-grid"
      role="list"
      aria-label={text('library.articles')}
      aria-busy={!complete}
      ref={grid}
      onKeyDown={onKeyDown}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {virtualizer.getVirtualItems().map((row) => (
        <div
          key={row.key}
          role="presentation"
          className="article-grid-row"
          // The virtualizer measures each row by its data-index.
          data-index={row.index}
          ref={virtualizer.measureElement}
          style={{
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
          }}
        >
          {articles.slice(row.index * columns, row.index * columns + columns).map((article, column) => {
            const index = row.index * columns + column;
            return (
              <div
                key={article.id}
                role="listitem"
                data-card={index}
                data-article-id={article.id}
                aria-setsize={articles.length}
                aria-posinset={index + 1}
                onFocus={() => setActive(index)}
              >
                <ArticleCard
                  article={article}
                  selected={selected.has(article.id)}
                  active={index === activeIndex}
                  onOpen={onOpen}
                  onSelect={onSelect}
                />
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
