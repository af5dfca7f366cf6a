import { useInterfaceDirection, useText } from '../i18n/use-text';
import { useIntl } from 'react-intl';
import { useMemo, type RefObject } from 'react';
import { goToHeading } from './headings';

/** Shorter documents are read top to bottom; a list of two headings helps nobody. */
export const MIN_HEADINGS_FOR_CONTENTS = 3;

interface TableOfContentsProps {
  container: RefObject<HTMLElement | null>;
  /** the article HTML the container shows */
  html: string;
}

/** Headings of the HTML, read in an inert template (nothing in it is fetched or run). */
function headingsOf(html: string): { level: number; text: string }[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((element) => ({
    level: Number(element.tagName.slice(1)),
    text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));
}

/** A table of contents from the article's headings (EPUB chapters arrive as headings), folded. */
export function TableOfContents({ container, html }: TableOfContentsProps) {
  const headings = useMemo(() => headingsOf(html), [html]);
  const text = useText();
  const { locale } = useIntl();
  const direction = useInterfaceDirection();
  const named = headings.filter((heading) => heading.text !== '');
  if (named.length < MIN_HEADINGS_FOR_CONTENTS) return null;
  const topLevel = Math.min(...named.map((h) => h.level));
  const goTo = (index: number) => {
    const element = container.current?.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')[index];
    if (element) goToHeading(element);
  };
  return (
    <nav className="table-of-contents" aria-label={text('contents.label')}>
      <details>
        {/* Quire's words inside the article: the interface's language and direction, not the article's. */}
        <summary lang={locale} dir={direction}>
          {text('contents.summary', { count: named.length })}
        </summary>
        <ol>
          {headings.map((heading, index) =>
            heading.text === '' ? null : (
              <li key={index} className={`toc-level-${Math.min(4, heading.level - topLevel + 1)}`}>
                <button type="button" className="toc-link" onClick={() => goTo(index)}>
                  {heading.text}
                </button>
              </li>
            ),
          )}
        </ol>
      </details>
    </nav>
  );
}
