import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ErrorBoundary, getErrorMessage, type FallbackProps } from 'react-error-boundary';

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
function failureReason(error: unknown): string {
  const reason = (getErrorMessage(error) ?? '').trim() || 'an unexpected error, with no description';
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}

type ViewFailureProps = FallbackProps & Pick<ViewErrorBoundaryProps, 'onBackToLibrary' | 'region'>;

function ViewFailure({ error, resetErrorBoundary, onBackToLibrary, region }: ViewFailureProps) {
  const message = useRef<HTMLDivElement>(null);
  const sentenceId = useId();
  // The view the user was in is gone: a screen reader and the keyboard start again here.
  useEffect(() => message.current?.focus(), []);

  const backToLibrary = () => {
    // Reset first: the view the parent shows next renders instead of this message.
    resetErrorBoundary();
    onBackToLibrary?.();
  };
  const failure = (
    <div className="view-failure" role="alert" aria-labelledby={sentenceId} tabIndex={-1} ref={message}>
      <p id={sentenceId}>This view stopped working: {failureReason(error)}</p>
      <div className="view-failure-actions">
        {onBackToLibrary && (
          <button type="button" className="button" onClick={() => resetErrorBoundary()}>
            Try again
          </button>
        )}
        <button type="button" className="button" onClick={backToLibrary}>
          Back to library
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
