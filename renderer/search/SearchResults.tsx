import type { SearchHit, SearchHitKind } from '../../electron/shared/models';
import { snippetToSafeHtml } from './safe-snippet';
import type { SearchState } from './use-search';

const KIND_LABEL: Record<SearchHitKind, string> = { article: 'Article', bookmark: 'Bookmark', note: 'Note' };

export const hitOptionId = (listId: string, index: number) => `${listId}-hit-${index}`;

interface SearchResultsProps {
  listId: string;
  state: SearchState;
  activeIndex: number;
  onHover: (index: number) => void;
  onOpen: (hit: SearchHit) => void;
}

function countLabel(state: SearchState): string {
  if (state.loading && !state.hits) return 'Searching…';
  if (!state.hits) return '';
  if (state.hits.length === 0) return `No results for “${state.query}”`;
  return state.hits.length === 1 ? `1 result for “${state.query}”` : `${state.hits.length} results for “${state.query}”`;
}

/** The results under the search box; the box keeps focus and points at the active one. */
export function SearchResults({ listId, state, activeIndex, onHover, onOpen }: SearchResultsProps) {
  const hits = state.hits ?? [];
  return (
    <div className="search-panel">
      <p className="search-count" role="status">
        {state.error ? '' : countLabel(state)}
      </p>
      {state.error && (
        <p className="inline-error" role="alert">
          {state.error}
        </p>
      )}
      {hits.length > 0 && (
        <ul className="search-results" role="listbox" id={listId} aria-label="Search results">
          {hits.map((hit, index) => (
            <li
              key={`${hit.articleId}-${hit.annotationId ?? ''}-${index}`}
              id={hitOptionId(listId, index)}
              role="option"
              aria-selected={index === activeIndex}
              className="search-hit"
              // Keep focus in the search box: the list is driven by aria-activedescendant.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== activeIndex && onHover(index)}
              onClick={() => onOpen(hit)}
            >
              <span className="search-hit-head">
                <span className="search-hit-title">{hit.title}</span>
                <span className={`kind-badge kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
              </span>
              <span className="search-hit-snippet" dangerouslySetInnerHTML={{ __html: snippetToSafeHtml(hit.snippet) }} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
