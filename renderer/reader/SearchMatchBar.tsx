interface SearchMatchBarProps {
  terms: readonly string[];
  current: number;
  total: number;
  onPrevious: () => void;
  onNext: () => void;
  onClose: () => void;
}

/** Shown when the reader was opened from a search: steps through every match in the article. */
export function SearchMatchBar({ terms, current, total, onPrevious, onNext, onClose }: SearchMatchBarProps) {
  return (
    <div className="search-match-bar" role="group" aria-label="Search matches">
      <span className="search-match-terms">
        {terms.length > 0 ? (
          <>
            Matches for <strong>{terms.join(', ')}</strong>
          </>
        ) : (
          'Search result'
        )}
      </span>
      <span className="search-match-count" aria-live="polite" aria-atomic="true">
        {total === 0 ? 'No matches' : `${(current + 1).toLocaleString()} of ${total.toLocaleString()}`}
      </span>
      <button type="button" className="button button-small" onClick={onPrevious} disabled={total < 2}>
        Previous match
      </button>
      <button type="button" className="button button-small" onClick={onNext} disabled={total < 2}>
        Next match
      </button>
      <button type="button" className="button button-quiet button-small" onClick={onClose}>
        Clear highlights
      </button>
    </div>
  );
}
