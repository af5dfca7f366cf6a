import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../electron/shared/models';
import { useMediaQuery } from '../app/use-media-query';
import { ViewErrorBoundary } from '../app/ViewErrorBoundary';
import { clearSearchFilters, isSearchFiltered } from './search-filter';
import { SearchFilterBar } from './SearchFilterBar';
import { hitOptionId, SearchResults } from './SearchResults';
import { resultEntries } from './result-entries';
import { useSearch } from './use-search';
import { useSearchCommand } from './use-search-command';
import { useSearchLibrary } from './use-search-library';
import { useSearchShortcuts } from './use-search-shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/**
 * A phone-width window (app.css hides the app's name at the same width): the box's hint is the
 * search's name alone; a phone has no Ctrl+K, and the key left the hint cut at its bracket.
 */
const PHONE_WIDTH_QUERY = '(max-width: 520px)';

interface SearchBoxProps {
  onOpenHit: (hit: SearchHit) => void;
  /** shows the library when the results stopped working and the user leaves them */
  onBackToLibrary: () => void;
}

/**
 * The library search in the app header. Results open under it, below their filters; Arrow keys
 * move through them while the cursor stays in the box, Enter or a click opens the reader at the
 * passage. Query and filters stay while the reader is open, so coming back finds the same results.
 */
export function SearchBox({ onOpenHit, onBackToLibrary }: SearchBoxProps) {
  const { query, filter, state, change, submit, clear, setFilter, loadMore } = useSearch();
  const text = useText();
  const phoneWidth = useMediaQuery(PHONE_WIDTH_QUERY);
  const [open, setOpen] = useState(false);
  // The active result belongs to one list of hits; a new answer starts with none active.
  const [active, setActive] = useState<{ hits: SearchHit[] | null; index: number }>({ hits: null, index: -1 });
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const listId = useId();
  const hintId = useId();

  const hits = state.hits ?? [];
  // The rows: each hit, its article's other places, "and N more in this article".
  const entries = useMemo(() => resultEntries(state.hits ?? []), [state.hits]);
  const activeIndex = active.hits === state.hits ? active.index : -1;
  const showPanel = open && query.trim() !== '';
  const library = useSearchLibrary(showPanel);

  const openPanel = useCallback(() => setOpen(true), []);
  useSearchShortcuts(input, openPanel);
  useSearchCommand(input, change, openPanel);

  useEffect(() => {
    if (!showPanel) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [showPanel]);

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(hitOptionId(listId, activeIndex))?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex, listId]);

  const backToBox = () => input.current?.focus();
  // The button goes away with the filters: focus goes back to the box rather than to the page.
  const clearFilters = () => {
    setFilter(clearSearchFilters(filter));
    backToBox();
  };

  const openHit = (hit: SearchHit) => {
    setOpen(false);
    onOpenHit(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (entries.length === 0) return;
        event.preventDefault();
        setOpen(true);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next = activeIndex < 0 && step < 0 ? entries.length - 1 : (activeIndex + step + entries.length) % entries.length;
        setActive({ hits: state.hits, index: next });
        break;
      }
      case 'Enter': {
        event.preventDefault();
        const hit = showPanel && activeIndex >= 0 ? entries[activeIndex]?.hit : undefined;
        if (hit) openHit(hit);
        else {
          setOpen(true);
          submit();
        }
        break;
      }
      case 'Escape':
        if (query === '' && !showPanel) return;
        event.preventDefault();
        clear();
        setOpen(false);
        break;
    }
  };

  return (
    <div className="search" ref={root} role="search">
      <label htmlFor={inputId} className="visually-hidden">
        <FormattedMessage id="search.label" />
      </label>
      <input
        ref={input}
        id={inputId}
        className="search-input"
        type="search"
        value={query}
        placeholder={phoneWidth ? text('search.label') : text('search.placeholder', { keys: isMac ? '⌘K' : 'Ctrl+K' })}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        aria-controls={showPanel && hits.length > 0 ? listId : undefined}
        aria-activedescendant={showPanel && activeIndex >= 0 ? hitOptionId(listId, activeIndex) : undefined}
        onChange={(event) => {
          change(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        <FormattedMessage id="search.hint" />
      </span>
      {showPanel && (
        <div className="search-panel">
          {/* The box stays usable when the results fail; closing the panel drops the failure. */}
          <ViewErrorBoundary
            region="panel"
            onBackToLibrary={() => {
              setOpen(false);
              onBackToLibrary();
            }}
          >
            <SearchFilterBar filter={filter} choices={library.choices} onChange={setFilter} onEscape={backToBox} />
            <SearchResults
              listId={listId}
              state={state}
              entries={entries}
              activeIndex={activeIndex}
              onHover={(index) => setActive({ hits: state.hits, index })}
              onOpen={openHit}
              onLoadMore={loadMore}
              filterActive={isSearchFiltered(filter)}
              onClearFilters={clearFilters}
            />
          </ViewErrorBoundary>
        </div>
      )}
    </div>
  );
}
