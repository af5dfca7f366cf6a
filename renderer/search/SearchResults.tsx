import type { SearchHit, SearchHitKind } from '../../electron/shared/models';
import { groupHits } from './group-hits';
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

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function countsLabel(counts: Record<SearchHitKind, number>): string {
  const parts: string[] = [];
  if (counts.article > 0) parts.push(plural(counts.article, 'passage', 'passages'));
  if (counts.bookmark > 0) parts.push(plural(counts.bookmark, 'bookmark', 'bookmarks'));
  if (counts.note > 0) parts.push(plural(counts.note, 'note', 'notes'));
  return parts.join(', ');
}

/** The snippet as plain text, for the option's accessible name. */
function snippetText(snippet: string): string {
  return snippet
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
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
          {groupHits(hits).map((group) => (
            <li key={group.articleId} role="presentation" className="search-group">
              <ul role="group" aria-label={`${group.title}: ${countsLabel(group.counts)}`} className="search-group-hits">
                <li role="presentation" className="search-group-head" aria-hidden="true">
                  <span className="search-hit-title">{group.title}</span>
                  <span className="search-group-count">{countsLabel(group.counts)}</span>
                </li>
                {group.hits.map((hit) => {
                  // `hits` is already in group order, so a hit's place there is its option index.
                  const index = hits.indexOf(hit);
                  return (
                    <li
                      key={`${hit.articleId}-${hit.annotationId ?? ''}-${index}`}
                      id={hitOptionId(listId, index)}
                      role="option"
                      aria-selected={index === activeIndex}
                      aria-label={`${KIND_LABEL[hit.kind]} in ${hit.title}: ${snippetText(hit.snippet)}`}
                      className="search-hit"
                      // Keep focus in the search box: the list is driven by aria-activedescendant.
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseMove={() => index !== activeIndex && onHover(index)}
                      onClick={() => onOpen(hit)}
                    >
                      <span className="search-hit-head">
                        <span className={`kind-badge kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
                      </span>
                      <span className="search-hit-snippet" dangerouslySetInnerHTML={{ __html: snippetToSafeHtml(hit.snippet) }} />
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
