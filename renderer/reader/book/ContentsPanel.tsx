import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
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
 * The book's contents, open beside the text in a wide reader (a drawer in a narrow one): every
 * chapter and heading, nested, the one being read marked (`aria-current`) and kept in view.
 */
export function ContentsPanel({ chapters, current, drawer, panelRef, container }: ContentsPanelProps) {
  const text = useText();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current]')?.scrollIntoView?.({ block: 'nearest' });
  }, [current, drawer?.open]);
  // The drawer opened: the focus goes to the chapter being read (else the first), as in a menu.
  const drawerOpen = drawer?.open ?? false;
  useEffect(() => {
    const items = list.current;
    if (drawerOpen && items) (items.querySelector<HTMLElement>('[aria-current]') ?? items.querySelector('button'))?.focus({ preventScroll: true });
  }, [drawerOpen]);

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
        {render(chapterTree(chapters))}
      </div>
    </nav>
  );
}
