/**
 * Shown instead of the app when the desktop app's page runs without its preload bridge (a broken
 * build or install): the page cannot reach the library at all, and says so plainly rather than
 * showing an empty library or calling a server that is not there.
 */
export function BridgeMissingScreen() {
  return (
    <main className="empty-state" role="alert" aria-labelledby="bridge-missing-title">
      <h1 id="bridge-missing-title" className="empty-title">
        Quire cannot reach its library
      </h1>
      <p className="empty-hint">
        This window started without the part of Quire that connects it to your library (its preload script
        did not load). Nothing was changed. Reinstalling Quire usually fixes this; if it does not, please report
        it with the version of Quire you use.
      </p>
    </main>
  );
}
