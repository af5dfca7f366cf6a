/**
 * Shown instead of the app when the desktop app's page runs without its preload bridge (a broken
 * build or install): the page cannot reach the library at all, and says so plainly rather than
 * showing an empty library or calling a server that is not there.
 */
import { FormattedMessage } from 'react-intl';

export function BridgeMissingScreen() {
  return (
    <main className="empty-state" role="alert" aria-labelledby="bridge-missing-title">
      <h1 id="bridge-missing-title" className="empty-title">
        <FormattedMessage id="bridgeMissing.title" />
      </h1>
      <p className="empty-hint">
        <FormattedMessage id="bridgeMissing.hint" />
      </p>
    </main>
  );
}
