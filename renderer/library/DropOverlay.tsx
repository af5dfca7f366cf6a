import { documentKindsLabel } from '../../electron/shared/document-formats';

/** Shown while files are dragged over the window. Purely visual: the drop works anywhere. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">Drop files to import them</p>
        <p className="drop-overlay-hint">{documentKindsLabel()}</p>
      </div>
    </div>
  );
}
