/**
 * Very large pages: a whole manual, a changelog or a generated API reference on one page. Readability
 * scores every element, several times over, so on a page of 70,000 elements it needs tens of seconds
 * and close to a gigabyte of memory (measured on the Linux kernel's ABI reference, 3.5 MB of HTML).
 * Such pages are documents rather than articles wrapped in site chrome, and they mark their content
 * (`<main>`, `role="main"`, a single `<article>`), so that element is taken as the article, without
 * the navigation inside it, and the metadata comes from the page's `<meta>` tags as Readability
 * would read them.
 */
import { cleanLine, isoDate } from './imported-document';
import { resolveLinks } from './page-dom';

/** Above this many elements a page skips Readability (a long news article has 2,000–5,000). */
export const READABILITY_MAX_ELEMENTS = 20_000;

/**
 * Above this nesting depth a page also skips Readability: its scoring walks ancestors for every
 * node, so its time grows about with the cube of the depth (measured: 500 nested <div> 7 s, 1,000
 * nested 38 s). Real pages nest a few dozen levels; only hostile or broken markup goes deeper.
 */
export const READABILITY_MAX_DEPTH = 200;

/** Whether any element of `root` sits more than `limit` levels below it (iterative: no deep recursion). */
export function nestedDeeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

/** Where documents keep their content, most specific first. */
const CONTENT_ROOTS = ['[role="main" i]', 'main', '#content', '#main-content', '#main'];

/** Site chrome that can sit inside the content root (or the body when there is none). */
const CHROME = ['nav', '[role="navigation" i]', '[role="search" i]', '[role="banner" i]', '[role="contentinfo" i]', 'script', 'style', 'noscript', 'template'];
/** Page header and footer are chrome only when the whole body is taken. */
const BODY_CHROME = ['body > header', 'body > footer'];

function contentRoot(doc: Document): { root: Element; isBody: boolean } | null {
  for (const selector of CONTENT_ROOTS) {
    const found = doc.querySelector(selector);
    if (found) return { root: found, isBody: false };
  }
  const articles = doc.getElementsByTagName('article');
  if (articles.length === 1) return { root: articles[0]!, isBody: false };
  return doc.body ? { root: doc.body, isBody: true } : null;
}

/** The HTML of the page's content element, links made absolute as Readability makes them; null when the page has no body. */
export function largePageArticle(doc: Document): string | null {
  const found = contentRoot(doc);
  if (!found) return null;
  const { root, isBody } = found;
  for (const chrome of Array.from(root.querySelectorAll([...CHROME, ...(isBody ? BODY_CHROME : [])].join(',')))) chrome.remove();
  resolveLinks(root);
  return root.innerHTML;
}

/** As the selector `[name="key" i]` compares an attribute with a key (written in lower case). */
const namedAs = (value: string | null, key: string): boolean => value !== null && value.length === key.length && value.toLowerCase() === key;

/**
 * The first non-empty `content` of these `<meta>` tags (by `name` or `property`): the first of
 * `metas` (the page's `meta[content]`, in document order) that has the key, as the selector
 * `meta[name="key" i][content], meta[property="key" i][content]` finds it, without walking the
 * whole page for each key (a few hundred milliseconds on a page of 100,000 elements).
 */
function meta(metas: readonly Element[], ...keys: string[]): string | null {
  for (const key of keys) {
    const found = metas.find((element) => namedAs(element.getAttribute('name'), key) || namedAs(element.getAttribute('property'), key));
    const value = cleanLine(found?.getAttribute('content'));
    if (value) return value;
  }
  return null;
}

/** Title, byline, site name, date and description from the page's head, the ones Readability reads first. */
export function largePageMetadata(doc: Document): {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  excerpt: string | null;
} {
  const metas = Array.from(doc.querySelectorAll('meta[content]'));
  return {
    title: meta(metas, 'og:title', 'twitter:title', 'dc:title') ?? cleanLine(doc.title) ?? cleanLine(doc.querySelector('h1')?.textContent),
    byline: meta(metas, 'author', 'article:author', 'dc:creator'),
    siteName: meta(metas, 'og:site_name', 'application-name'),
    publishedAt: isoDate(meta(metas, 'article:published_time', 'dcterms.created', 'date')),
    excerpt: meta(metas, 'description', 'og:description', 'twitter:description'),
  };
}
