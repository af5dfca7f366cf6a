import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Disclosure } from '../../app/use-disclosure';
import { useText } from '../../i18n/use-text';
import { goToHeading } from '../headings';
import { chapterHeading, type Chapter } from './chapters';

interface ContentsPanelProps {
  chapters: readonly Chapter[];
  /** the chapter the reader is in, or -1 */
  current: number;
  /** null: a column beside the text; else the drawer it is, opened from the status line */
  drawer: Disclosure | null;
  panelRef: RefObject<HTMLElement | null>;
  /** the text on the page, where the chapters' headings are */
  container: RefObject<HTMLElement | null>;
}

interface ChapterNode {
  index: number;
  chapter: Chapter;
  children: ChapterNode[];
}

/** The flat list of headings as a tree: each heading holds the deeper ones after it. */
function chapterTree(chapters: readonly Chapter[]): ChapterNode[] {
  const roots: ChapterNode[] = [];
  const open: ChapterNode[] = [];
  chapters.forEach((chapter, index) => {
    const node: ChapterNode = { index, chapter, children: [] };
    while (open.length > 0 && open.at(-1)!.chapter.depth >= chapter.depth) open.pop();
    (open.at(-1)?.children ?? roots).push(node);
    open.push(node);
  });
  return roots;
}

/**
 * Above this many entries (a long book's hundreds of chapters) the list is drawn in a task after
 * the one that shows the text: laid out with it, 720 entries were half of the longest task of
 * opening a million-word book. The panel itself is there from the start, so the text's column
 * has its final width and the place it opened at does not move.
 */
const ENTRIES_DRAWN_WITH_THE_TEXT = 200;

/** False until a task after the first render, for a list too long to draw with the text. */
function useDrawnLater(many: boolean): boolean {
  const [drawn, setDrawn] = useState(!many);
  useEffect(() => {
    if (drawn) return;
    const timer = window.setTimeout(() => setDrawn(true), 0);
    return () => window.clearTimeout(timer);
  }, [drawn]);
  return drawn;
}

/**
 * The book's contents, open beside the text in a wide reader (a drawer in a narrow one): every
 * chapter and heading, nested, the one being read marked (`aria-current`) and kept in view.
 */
export function ContentsPanel({ chapters, current, drawer, panelRef, container }: ContentsPanelProps) {
  const text = useText();
  const list = useRef<HTMLDivElement>(null);
  const drawn = useDrawnLater(chapters.length > ENTRIES_DRAWN_WITH_THE_TEXT);
  useEffect(() => {
    list.current?.querySelector('[aria-current]')?.scrollIntoView?.({ block: 'nearest' });
  }, [current, drawer?.open, drawn]);
  // The drawer opened: the focus goes to the chapter being read (else the first), as in a menu.
  const drawerOpen = drawer?.open ?? false;
  useEffect(() => {
    const items = list.current;
    if (drawerOpen && items) (items.querySelector<HTMLElement>('[aria-current]') ?? items.querySelector('button'))?.focus({ preventScroll: true });
  }, [drawerOpen, drawn]);

  const goTo = (chapter: Chapter) => {
    if (drawer) drawer.close();
    const heading = container.current ? chapterHeading(container.current, chapter) : null;
    if (heading) goToHeading(heading);
  };
  const render = (nodes: ChapterNode[]): ReactNode => (
    <ol>
      {nodes.map((node) => (
        <li key={node.index}>
          <button
            type="button"
            className="contents-link"
            dir="auto"
            aria-current={node.index === current ? 'location' : undefined}
            onClick={() => goTo(node.chapter)}
          >
            {node.chapter.title}
          </button>
          {node.children.length > 0 && render(node.children)}
        </li>
      ))}
    </ol>
  );
  return (
    <nav
      className="contents-panel"
      aria-label={text('contents.label')}
      id={drawer?.panelId}
      ref={panelRef}
      data-drawer={drawer ? '' : undefined}
      hidden={drawer ? !drawer.open : undefined}
    >
      <h2 className="contents-title">{text('contents.label')}</h2>
      <div className="contents-list" ref={list}>
        {drawn && render(chapterTree(chapters))}
      </div>
    </nav>
  );
}
