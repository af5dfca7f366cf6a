import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { textOf } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import type { SearchHit, SearchHitKind } from '../../electron/shared/models';
import { formatDate, formatLabel } from '../library/article-format';
import { groupHits, type HitGroup } from './group-hits';
import type { ResultEntry } from './result-entries';
import { snippetToSafeHtml } from './safe-snippet';
import { kindCountsLabel, resultsSummary } from './search-summary';
import type { SearchState } from './use-search';

const KIND_LABEL = {
  article: 'search.kind.article',
  bookmark: 'search.kind.bookmark',
  note: 'search.kind.note',
} as const satisfies Record<SearchHitKind, MessageId>;

export const hitOptionId = (listId: string, index: number) => `${listId}-hit-${index}`;

interface SearchResultsProps {
  listId: string;
  state: SearchState;
  /** the rows of the list (resultEntries of the hits): what the arrow keys move through */
  entries: readonly ResultEntry[];
  activeIndex: number;
  onHover: (index: number) => void;
  onOpen: (hit: SearchHit) => void;
  /** the next page of results, under these */
  onLoadMore: () => void;
  /** whether a filter is set now (the results may still answer an older choice) */
  filterActive: boolean;
  onClearFilters: () => void;
}

function statusLabel(state: SearchState, intl: IntlShape): string {
  const text = textOf(intl);
  if (state.error) return '';
  if (state.loading && !state.hits) return text('search.searching');
  if (!state.hits) return '';
  if (state.hits.length === 0) return state.filtered ? text('search.noResultsFiltered') : text('search.noResults', { query: state.query });
  return state.totals === null ? '' : resultsSummary(state.hits, state.totals, state.more, state.sort, intl);
}

/**
 * "3 May 2024 · PDF": what tells two articles apart, and why date order is what it is. The date is
 * the one the date filters and order use (published, else added); a hit does not say which, so
 * it is shown without "Published" or "Added".
 */
function articleFacts(group: Pick<HitGroup, 'date' | 'format'>, intl: IntlShape): string {
  const date = group.date === null ? null : formatDate(group.date, intl);
  return [date, group.format === null ? null : formatLabel(group.format, intl)].filter(Boolean).join(' · ');
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

/**
 * The summary and the results, grouped by article. The search box keeps focus and points at the
 * active result; the summary is a polite live region, so a new count is announced once it settles.
 */
export function SearchResults({ listId, state, entries, activeIndex, onHover, onOpen, onLoadMore, filterActive, onClearFilters }: SearchResultsProps) {
  const hits = state.hits ?? [];
  const intl = useIntl();
  const text = textOf(intl);
  return (
    <>
      <div className="search-summary">
        <p className="search-count" role="status" aria-live="polite">
          {statusLabel(state, intl)}
        </p>
        {/* Beside the count it changes; outside the live region, so it is not read with every count. */}
        {filterActive && (
          <button type="button" className="button button-small search-clear-filters" onClick={onClearFilters}>
            <FormattedMessage id="search.clearFilters" />
          </button>
        )}
      </div>
      {state.error && (
        <p className="inline-error" role="alert">
          {coreSentenceText(text, state.error)}
        </p>
      )}
      {hits.length > 0 && (
        <ul
          className="search-results"
          role="listbox"
          id={listId}
          aria-label={text('search.results')}
          aria-busy={state.loading || undefined}
        >
          {groupHits(hits).map((group) => {
            const facts = articleFacts(group, intl);
            const counts = kindCountsLabel(group.counts, intl);
            return (
              <li key={group.articleId} role="presentation" className="search-group">
                <ul
                  role="group"
                  aria-label={text(facts ? 'search.group.withFacts' : 'search.group', { title: group.title, facts, counts })}
                  className="search-group-hits"
                >
                  <li role="presentation" className="search-group-head" aria-hidden="true">
                    <bdi className="search-hit-title" dir="auto">
                      {group.title}
                    </bdi>
                    <span className="search-group-count">{counts}</span>
                    {facts && <span className="search-group-facts">{facts}</span>}
                  </li>
                  {entries.map((entry, index) => {
                    // Entries are in group order: a group's rows are those of its article.
                    if (entry.hit.articleId !== group.articleId) return null;
                    const { hit } = entry;
                    const label =
                      entry.kind === 'more'
                        ? text('search.more.label', { count: entry.more, title: hit.title })
                        : text('search.hit.label', { kind: text(KIND_LABEL[hit.kind]), title: hit.title, snippet: snippetText(hit.snippet) });
                    return (
                      <li
                        key={`${hit.articleId}-${hit.annotationId ?? ''}-${index}`}
                        id={hitOptionId(listId, index)}
                        role="option"
                        aria-selected={index === activeIndex}
                        aria-label={label}
                        className={entry.kind === 'more' ? 'search-hit search-hit-more' : 'search-hit'}
                        // Keep focus in the search box: the list is driven by aria-activedescendant.
                        onMouseDown={(event) => event.preventDefault()}
                        onMouseMove={() => index !== activeIndex && onHover(index)}
                        onClick={() => onOpen(hit)}
                      >
                        {entry.kind === 'more' ? (
                          <span className="search-hit-snippet">{text('search.more', { count: entry.more })}</span>
                        ) : (
                          <>
                            <span className="search-hit-head">
                              <span className={`kind-badge kind-${hit.kind}`}>{text(KIND_LABEL[hit.kind])}</span>
                            </span>
                            <span className="search-hit-snippet" dangerouslySetInnerHTML={{ __html: snippetToSafeHtml(hit.snippet) }} />
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      {state.more && hits.length > 0 && (
        <button type="button" className="button button-small search-load-more" onClick={onLoadMore} disabled={state.loading}>
          {text(state.loading ? 'search.loadingMore' : 'search.loadMore')}
        </button>
      )}
    </>
  );
}
