import { FormattedMessage } from 'react-intl';
import { useText } from '../../i18n/use-text';
import { useEffect, useId, useImperativeHandle, useRef, type KeyboardEvent, type Ref, type RefObject } from 'react';
import { useFindHighlights } from './use-find-highlights';
import { useFindState, type FoundMatches } from './use-find-state';

/** What the reader asks of an open find bar (its shortcuts act from anywhere in the reader). */
export interface FindBarHandle {
  /** puts the cursor back in the field, its text selected, as Ctrl+F does in a browser */
  focus: () => void;
  step: (direction: 1 | -1) => void;
}

interface FindBarProps {
  ref: Ref<FindBarHandle>;
  text: string;
  initialQuery: string;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  /** Escape or Close; the query is kept for the next Ctrl+F */
  onClose: (query: string) => void;
  /** told of every new set of matches and every move, for a view that paints them itself (a PDF's pages) */
  onFound?: (found: FoundMatches) => void;
}

/** Find in the article (Ctrl+F): every match highlighted as you type, "3 of 17", Enter for the next. */
export function FindBar({ ref, text, initialQuery, container, scroller, onClose, onFound }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const countId = useId();
  const words = useText();
  const { query, setQuery, found, step } = useFindState({ text, initialQuery, container, scroller });
  useFindHighlights({ container, scroller, matches: found.matches, current: found.index, moves: found.moves });
  useEffect(() => onFound?.(found), [found, onFound]);

  const focus = () => {
    input.current?.focus();
    input.current?.select();
  };
  useImperativeHandle(ref, () => ({ focus, step }));
  useEffect(focus, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(query);
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };

  const total = found.matches.length;
  const searched = found.query.trim() !== '';
  const count = !searched ? '' : total === 0 ? words('matches.none') : words('matches.position', { current: found.index + 1, total });
  return (
    <div className="find-bar" role="search" aria-label={words('find.label')} onKeyDown={onKeyDown}>
      <input
        ref={input}
        type="text"
        className={`find-input${searched && total === 0 ? ' find-input-none' : ''}`}
        aria-label={words('find.label')}
        aria-describedby={countId}
        placeholder={words('find.label')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <button
        type="button"
        className="button button-small"
        aria-label={words('matches.previous')}
        title={words('find.previous.title')}
        onClick={() => step(-1)}
        disabled={searched && total === 0}
      >
        <FormattedMessage id="common.previous" />
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label={words('matches.next')}
        title={words('find.next.title')}
        onClick={() => step(1)}
        disabled={searched && total === 0}
      >
        <FormattedMessage id="common.next" />
      </button>
      {/* After the buttons, so its changing width moves nothing. */}
      <span id={countId} className="find-count" aria-live="polite" aria-atomic="true">
        {count}
      </span>
      <button
        type="button"
        className="button button-quiet button-small"
        aria-label={words('find.close')}
        title={words('find.close.title')}
        onClick={() => onClose(query)}
      >
        <FormattedMessage id="common.close" />
      </button>
    </div>
  );
}
