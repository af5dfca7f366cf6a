import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
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
  const text = useText();
  return (
    <div className="search-match-bar" role="group" aria-label={text('matches.group')}>
      <span className="search-match-terms">
        {terms.length > 0 ? (
          <FormattedMessage id="matches.for" values={{ terms: <strong>{terms.join(', ')}</strong> }} />
        ) : (
          text('matches.searchResult')
        )}
      </span>
      <span className="search-match-count" aria-live="polite" aria-atomic="true">
        {total === 0 ? text('matches.none') : text('matches.position', { current: current + 1, total })}
      </span>
      <button type="button" className="button button-small" onClick={onPrevious} disabled={total < 2}>
        <FormattedMessage id="matches.previous" />
      </button>
      <button type="button" className="button button-small" onClick={onNext} disabled={total < 2}>
        <FormattedMessage id="matches.next" />
      </button>
      <button type="button" className="button button-quiet button-small" onClick={onClose}>
        <FormattedMessage id="matches.clear" />
      </button>
    </div>
  );
}
