import type { PassageSelection } from './use-passage-selection';

const TOOLBAR_HEIGHT = 44;
const TOOLBAR_HALF_WIDTH = 110;

interface SelectionToolbarProps {
  selection: PassageSelection;
  onBookmark: () => void;
  onNote: () => void;
}

/** Floats above the selected passage. Buttons keep the selection (no focus steal on press). */
export function SelectionToolbar({ selection, onBookmark, onNote }: SelectionToolbarProps) {
  const rect = selection.rect;
  if (!rect) return null;
  const above = rect.top > TOOLBAR_HEIGHT + 72;
  const top = above ? rect.top - TOOLBAR_HEIGHT - 6 : rect.bottom + 6;
  const center = (rect.left + rect.right) / 2;
  const left = Math.max(8, Math.min(center - TOOLBAR_HALF_WIDTH, window.innerWidth - 2 * TOOLBAR_HALF_WIDTH - 8));
  return (
    <div className="selection-toolbar" role="group" aria-label="Selected passage" style={{ top, left }}>
      <button type="button" className="button button-small" onMouseDown={(e) => e.preventDefault()} onClick={onBookmark}>
        Bookmark
      </button>
      <button type="button" className="button button-small" onMouseDown={(e) => e.preventDefault()} onClick={onNote}>
        Add note
      </button>
    </div>
  );
}
