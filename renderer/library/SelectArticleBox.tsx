import { useText } from '../i18n/use-text';
import type { ArticleMeta } from '../../electron/shared/models';

interface SelectArticleBoxProps {
  article: ArticleMeta;
  selected: boolean;
  /** the one box of the list or grid that Tab reaches (roving focus) */
  active: boolean;
  /** `extend` when Shift was held (select the range from the last one picked) */
  onSelect: (article: ArticleMeta, extend: boolean) => void;
}

/** The checkbox that selects an article for the bulk actions, in a list row or a grid card. */
export function SelectArticleBox({ article, selected, active, onSelect }: SelectArticleBoxProps) {
  const text = useText();
  return (
    <input
      type="checkbox"
      className="article-select"
      checked={selected}
      tabIndex={active ? 0 : -1}
      aria-label={text('article.select', { title: article.title })}
      onClick={(event) => onSelect(article, event.shiftKey)}
      onKeyDown={(event) => {
        // A click made by Space carries no Shift: Shift+Space extends the selection here.
        if (event.key === ' ' && event.shiftKey) {
          event.preventDefault();
          onSelect(article, true);
        }
      }}
      onChange={() => {
        // The state changes in onClick, where Shift is known.
      }}
    />
  );
}
