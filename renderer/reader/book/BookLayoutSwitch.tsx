import { PdfViewSwitch } from '../pdf/PdfViewSwitch';
import { useText } from '../../i18n/use-text';
import type { BookLayout } from './use-book-layout';
import { WritingModeSwitch } from './WritingModeSwitch';

/** The toolbar's switch for a book: a fixed-layout book's pages or text, or a CJK book's vertical or horizontal lines. */
export function BookLayoutSwitch({ layout, onBeforeReflow }: { layout: BookLayout; onBeforeReflow: () => void }) {
  const text = useText();
  if (layout.pagesFile !== null) return <PdfViewSwitch mode={layout.view} onChange={layout.setView} label={text('fixedLayout.view')} />;
  if (!layout.offersWritingMode) return null;
  return (
    <WritingModeSwitch
      writingMode={layout.writingMode}
      onChange={(choice) => {
        onBeforeReflow();
        layout.chooseWritingMode(choice);
      }}
    />
  );
}
