import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ErrorBoundary, getErrorMessage, type FallbackProps } from 'react-error-boundary';
import { FormattedMessage } from 'react-intl';
import { useText, type Text } from '../i18n/use-text';

interface ViewErrorBoundaryProps {
  children: ReactNode;
  /**
   * Leaves the broken view for the library. Without it (the boundary around the whole app) the
   * way back is a fresh start of the app, which opens on the library, and a retry would be the
   * same thing, so only one button shows.
   */
  onBackToLibrary?: () => void;
  /** `main`: the view is the page's main region (skip link target); `panel`: a part of another region. */
  region: 'main' | 'panel';
}

/**
 * Keeps a render exception inside the view that threw: the header, the other views and the
 * messages stay usable. React reports each error a boundary catches once on the console (the
 * root's default `onCaughtError`), so nothing here logs it a second time.
 */
export function ViewErrorBoundary({ children, onBackToLibrary, region }: ViewErrorBoundaryProps) {
  return (
    <ErrorBoundary
      fallbackRender={({ error, resetErrorBoundary }) => (
        <ViewFailure error={error} resetErrorBoundary={resetErrorBoundary} onBackToLibrary={onBackToLibrary} region={region} />
      )}
    >
      {children}
    </ErrorBoundary>
  );
}

/** What the thrown value says, as the end of a sentence. */
function failureReason(error: unknown, text: Text): string {
  const reason = (getErrorMessage(error) ?? '').trim() || text('viewFailure.noDescription');
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}

type ViewFailureProps = FallbackProps & Pick<ViewErrorBoundaryProps, 'onBackToLibrary' | 'region'>;

function ViewFailure({ error, resetErrorBoundary, onBackToLibrary, region }: ViewFailureProps) {
  const message = useRef<HTMLDivElement>(null);
  const sentenceId = useId();
  const text = useText();
  // The view the user was in is gone: a screen reader and the keyboard start again here.
  useEffect(() => message.current?.focus(), []);

  const backToLibrary = () => {
    // Reset first: the view the parent shows next renders instead of this message.
    resetErrorBoundary();
    onBackToLibrary?.();
  };
  const failure = (
    <div className="view-failure" role="alert" aria-labelledby={sentenceId} tabIndex={-1} ref={message}>
      <p id={sentenceId}>{text('viewFailure.sentence', { reason: failureReason(error, text) })}</p>
      <div className="view-failure-actions">
        {onBackToLibrary && (
          <button type="button" className="button" onClick={() => resetErrorBoundary()}>
            <FormattedMessage id="common.tryAgain" />
          </button>
        )}
        <button type="button" className="button" onClick={backToLibrary}>
          <FormattedMessage id="reader.back.library" />
        </button>
      </div>
    </div>
  );
  return region === 'main' ? (
    <main className="view failure-view" id="main">
      {failure}
    </main>
  ) : (
    failure
  );
}
