/**
 * Reader HTML that is plainly inert, without jsdom. Most articles are made only of text, structure,
 * lists, tables and links (Readability's output for a manual page or a news story). For those, the
 * sanitizer's work is to drop attributes, fix links and images; DOMPurify over jsdom is then about
 * half of an HTML page's import (jsdom's parse, DOMPurify's walk and the normalizer's changes in
 * jsdom), and jsdom itself about 100 MB of each import worker.
 *
 * So an article is first parsed with parse5 (the HTML standard's parser, which jsdom uses too: the
 * tree is the one the reader's browser builds) and walked. It stays on this path only when every
 * element is one of the plain reader elements (`PLAIN_ELEMENTS`, plain-reader-rules.ts) in the HTML
 * namespace, nested within the limit, and every attribute left is a plain one: the attribute
 * decisions themselves are DOMPurify's (`isValidAttribute` with the sanitizer's own configuration),
 * and links and images get the sanitizer's own rules (sanitize-html.ts); what the sanitizer forbids
 * (a script, a style sheet, an iframe, SVG), what DOMPurify does not know and comments are removed
 * as DOMPurify removes them. Anything else (MathML, `<noscript>`, an attribute not known to be
 * plain, an element DOMPurify would remove whole as markup) and the whole article goes to
 * DOMPurify over jsdom. The tree is then built in linkedom for the normalizer
 * (linkedom-from-tree.ts, as a page is), and serialized as jsdom serializes
 * (plain-html-serializer.ts).
 *
 * What comes out is what the sanitizer's path gives for the same article (checked on every page
 * of the test corpus and on Debian's manuals, html and text), and it is what `quire check` accepts
 * as stored content that needs no sanitizing (stored-content.ts applies the same rules).
 */
import createDOMPurify from 'dompurify';
import { parseHTML } from 'linkedom';
import { type DefaultTreeAdapterMap, defaultTreeAdapter as tree, html as htmlSpec, parseFragment } from 'parse5';
import { DOCUMENT_PROPERTY_NAMES } from './document-property-names';
import { MAX_NESTING_DEPTH } from './limit-nesting';
import { appendTreeChildren } from './linkedom-from-tree';
import { isPlainAttribute, isPlainElement } from './plain-reader-rules';
import { MATHML_ELEMENTS, MATHML_ONLY_ATTRIBUTES } from './mathml';
import { DOMPURIFY_HTML_ELEMENTS, FORBIDDEN_CONTENTS, FORBIDDEN_TAGS, IMAGE_ALT_CLASS, LINK_REL, parseUrl, safeHref, SANITIZER_CONFIG, TAG_LIKE } from './sanitize-rules';

type TreeNode = DefaultTreeAdapterMap['childNode'];
type TreeElement = DefaultTreeAdapterMap['element'];
type TreeParent = DefaultTreeAdapterMap['parentNode'];
type TreeAttribute = TreeElement['attrs'][number];

/** More attributes than this on one element: not an ordinary article (linkedom sets them one by one). */
const MOST_ATTRIBUTES = 64;

/** An image's path came from `keepImage`, which stored it. */
const STORED = (): boolean => true;

const FRAMESET = /<frameset[\t\n\f\r />]/i;

const fragmentContext = tree.createElement('div', htmlSpec.NS.HTML, []);

/** A window of linkedom, for DOMPurify's attribute decisions and to build articles in. */
let linkedomWindow: ReturnType<typeof parseHTML> | undefined;
let attributeJudge: ReturnType<typeof createDOMPurify> | undefined;

function plainWindow(): ReturnType<typeof parseHTML> {
  linkedomWindow ??= parseHTML('<!doctype html><html><head></head><body></body></html>');
  return linkedomWindow;
}

/**
 * DOMPurify's own judgement of one attribute, with the sanitizer's configuration. DOMPurify does
 * not sanitize over linkedom (it says it is unsupported there), but its attribute check is plain
 * code over its allow-lists. The one thing it asks the DOM, whether an `id` or `name` would shadow
 * a property of the document or of a form, is asked of jsdom's names instead (linkedom's objects
 * have other properties).
 */
function isValidAttribute(tag: string, name: string, value: string): boolean {
  if ((name === 'id' || name === 'name') && DOCUMENT_PROPERTY_NAMES.has(value)) return false;
  if (!attributeJudge) {
    attributeJudge = createDOMPurify(plainWindow() as unknown as Parameters<typeof createDOMPurify>[0]);
    attributeJudge.setConfig({ ...SANITIZER_CONFIG, SANITIZE_DOM: false });
  }
  return attributeJudge.isValidAttribute(tag, name, value);
}

/**
 * The attributes DOMPurify keeps on an HTML element, their values as it leaves them (trimmed but
 * for `value`), with the sanitizer's hook for MathML's own attributes; null when one is in a
 * namespace (never on an HTML element of a parsed fragment, and not decided here).
 */
function purifiedAttributes(element: TreeElement): TreeAttribute[] | null {
  const kept: TreeAttribute[] = [];
  for (const { name, value: raw, namespace } of element.attrs) {
    if (namespace) return null;
    const value = name === 'value' ? raw : raw.trim();
    if (MATHML_ONLY_ATTRIBUTES.has(name) || !isValidAttribute(element.tagName, name, value)) continue;
    kept.push({ name, value });
  }
  return kept;
}

interface PlainOptions {
  pageUrl: URL | null;
  keepImage: (src: string) => string | null;
}

type Outcome = 'keep' | 'remove' | 'not plain';

/** A link as the sanitizer's `fixLinks` leaves it. */
function fixLink(attrs: TreeAttribute[], pageUrl: URL | null): TreeAttribute[] | null {
  const href = attrs.find((a) => a.name === 'href');
  const safe = href === undefined ? null : safeHref(href.value, pageUrl);
  if (safe === null) return attrs.filter((a) => a.name !== 'href' && a.name !== 'rel');
  // A link inside the article keeps the page's own `rel`, which is not one of the plain ones.
  if (safe.startsWith('#')) return attrs.some((a) => a.name === 'rel') ? null : attrs.map((a) => (a === href ? { name: 'href', value: safe } : a));
  const fixed = attrs.map((a) => (a === href ? { name: 'href', value: safe } : a.name === 'rel' ? { name: 'rel', value: LINK_REL } : a));
  if (!fixed.some((a) => a.name === 'rel')) fixed.push({ name: 'rel', value: LINK_REL });
  return fixed;
}

/**
 * An image as the sanitizer's `replaceImagesWithAltText` leaves it: kept with its stored path,
 * replaced by its alt text, or removed; 'not plain' when its alt text is markup (read by the
 * sanitizer's path). Its `id` and `name` are judged as any element's: DOMPurify asks whether a
 * value names a property of its own empty document, never of the page being sanitized, so an
 * image's name does not change what happens to another element's `id`.
 */
function fixImage(image: TreeElement, attrs: TreeAttribute[], keepImage: PlainOptions['keepImage'], parent: TreeParent, index: number): Outcome {
  const kept = keepImage((attrs.find((a) => a.name === 'src')?.value ?? '').trim());
  if (kept !== null) {
    image.attrs = attrs.map((a) => (a.name === 'src' ? { name: 'src', value: kept } : a));
    if (!image.attrs.some((a) => a.name === 'src')) image.attrs.push({ name: 'src', value: kept });
    return 'keep';
  }
  const alt = (attrs.find((a) => a.name === 'alt')?.value ?? '').trim();
  if (alt === '') return 'remove';
  if (TAG_LIKE.test(alt)) return 'not plain';
  const span = tree.createElement('span', htmlSpec.NS.HTML, [{ name: 'class', value: IMAGE_ALT_CLASS }]);
  tree.insertText(span, alt);
  span.parentNode = parent;
  parent.childNodes[index] = span;
  return 'keep';
}

const REMOVED_TAGS = new Set(FORBIDDEN_TAGS);
const REMOVED_WITH_CONTENT = new Set(FORBIDDEN_CONTENTS);
/** The element names DOMPurify allows with the sanitizer's configuration (MathML's are added to its own). */
const ALLOWED_BY_DOMPURIFY = new Set([...DOMPURIFY_HTML_ELEMENTS, ...MATHML_ELEMENTS]);

/**
 * What DOMPurify does with an element the sanitizer forbids: removes it with what is inside
 * (`FORBIDDEN_CONTENTS`: an iframe, inline SVG, a video), or puts its content in its place (a
 * `<meta>` of microdata in a news story, a `<label>`, a manual's search form, an element DOMPurify
 * does not allow at all); null for any other element. A form would be removed whole if its
 * controls' names shadowed the form's own properties (DOMPurify's `_isClobbered`), but jsdom gives
 * a form no such properties (a unit test holds it to that). `<noscript>` is left to DOMPurify: its
 * content is text to DOMPurify's parser and markup to parse5 here (without scripting), so what
 * follows it can differ.
 */
function sanitizerRemoval(element: TreeElement): 'with content' | 'content kept' | null {
  const { tagName, namespaceURI } = element;
  if (namespaceURI !== htmlSpec.NS.HTML && namespaceURI !== htmlSpec.NS.SVG) return null;
  if (tagName === 'noscript') return null;
  // An element DOMPurify does not know (a custom element, `<string>`) goes as a forbidden one does.
  const unknown = namespaceURI === htmlSpec.NS.HTML && !ALLOWED_BY_DOMPURIFY.has(tagName);
  if (!REMOVED_TAGS.has(tagName) && !unknown) return null;
  if (REMOVED_WITH_CONTENT.has(tagName)) return 'with content';
  return namespaceURI === htmlSpec.NS.HTML ? 'content kept' : null;
}

/** What DOMPurify takes for markup in an element's text or HTML (its `ELEMENT_MARKUP_PROBE`). */
const MARKUP_PROBE = /<[/\w!]/;

/**
 * Whether DOMPurify removes this element whole, with its content, as possible mutation XSS: it
 * does so when the element has no element among its children and both its text and its HTML look
 * like markup. Its HTML shows markup only through a comment (text is escaped there, and a comment
 * always opens with `<!`), so that is an element holding a comment and text that reads as markup
 * (`<code>&lt;div&gt;<!-- note --></code>`). Rare, and left to DOMPurify (not plain) rather than
 * imitated. Checked before any of its children is changed, as DOMPurify checks an element before
 * it visits what is inside.
 */
function removedWholeForMarkup(parent: TreeParent): boolean {
  // The fragment itself is DOMPurify's body, which it never removes.
  if (!tree.isElementNode(parent)) return false;
  const children = parent.childNodes;
  if (!children.some((child) => tree.isCommentNode(child)) || children.some((child) => tree.isElementNode(child))) return false;
  let text = '';
  for (const child of children) if (tree.isTextNode(child)) text += child.value;
  return MARKUP_PROBE.test(text);
}

/**
 * Walks the fragment, changing it as the sanitizer would change it; false when something in it is
 * not plain. Iterative: a fragment's depth is checked here, not trusted. What goes (a comment, an
 * element removed or unwrapped) is only marked during the walk, and each list of children that
 * changes is made again once at the end: removed one by one, tens of thousands of siblings (a
 * hostile page's) took seconds.
 */
function purifyPlainTree(fragment: TreeParent, { pageUrl, keepImage }: PlainOptions): boolean {
  const pending: { parent: TreeParent; depth: number }[] = [{ parent: fragment, depth: 0 }];
  const changes: TreeChanges = { dropped: new Set(), unwrapped: new Set(), parents: new Set() };
  const drop = (node: TreeNode, parent: TreeParent): void => {
    changes.dropped.add(node);
    changes.parents.add(parent);
  };
  while (pending.length > 0) {
    const { parent, depth } = pending.pop()!;
    if (removedWholeForMarkup(parent)) return false;
    const children = parent.childNodes;
    for (let index = 0; index < children.length; index += 1) {
      const node: TreeNode = children[index]!;
      if (tree.isTextNode(node)) continue;
      if (tree.isCommentNode(node)) {
        // DOMPurify drops every comment, whatever it holds (the reader never sees one).
        drop(node, parent);
        continue;
      }
      if (!tree.isElementNode(node) || depth + 1 > MAX_NESTING_DEPTH) return false;
      const removal = sanitizerRemoval(node);
      if (removal === 'with content') {
        drop(node, parent);
        continue;
      }
      if (removal === 'content kept') {
        // Its content is walked at its own depth, and takes its place once the walk is done.
        changes.unwrapped.add(node);
        changes.parents.add(parent);
        if (node.childNodes.length > 0) pending.push({ parent: node, depth: depth + 1 });
        continue;
      }
      if (node.namespaceURI !== htmlSpec.NS.HTML || !isPlainElement(node.tagName) || node.attrs.length > MOST_ATTRIBUTES) return false;
      const attrs = purifiedAttributes(node);
      if (attrs === null) return false;
      let outcome: Outcome = 'keep';
      // Content the page itself hides is not part of what a reader sees (sanitizeToElement).
      if (attrs.some((a) => a.name === 'hidden')) outcome = 'remove';
      else if (node.tagName === 'img') outcome = fixImage(node, attrs, keepImage, parent, index);
      else {
        const fixed = node.tagName === 'a' ? fixLink(attrs, pageUrl) : attrs;
        if (fixed === null) return false;
        node.attrs = fixed;
      }
      if (outcome === 'not plain') return false;
      if (outcome === 'remove') {
        drop(node, parent);
        continue;
      }
      const element = children[index] as TreeElement;
      if (!element.attrs.every((a) => isPlainAttribute(element.tagName, a.name, a.value, STORED))) return false;
      if (element.childNodes.length > 0) pending.push({ parent: element, depth: depth + 1 });
    }
  }
  applyChanges(changes);
  return true;
}

interface TreeChanges {
  /** removed with what they hold */
  dropped: Set<TreeNode>;
  /** replaced by their content (DOMPurify's KEEP_CONTENT) */
  unwrapped: Set<TreeNode>;
  /** whose children are among those */
  parents: Set<TreeParent>;
}

/** Each changed list of children made again once: without what is dropped, with what is unwrapped in its place. */
function applyChanges({ dropped, unwrapped, parents }: TreeChanges): void {
  for (const parent of parents) {
    // An unwrapped element's content is placed where the element was, by its own parent's list.
    if (unwrapped.has(parent as TreeNode)) continue;
    const children: TreeNode[] = [];
    // Recursion as deep as unwrapped elements are nested in one another: within the nesting limit.
    const place = (nodes: readonly TreeNode[]): void => {
      for (const node of nodes) {
        if (dropped.has(node)) continue;
        if (unwrapped.has(node)) {
          place((node as TreeElement).childNodes);
          continue;
        }
        node.parentNode = parent;
        children.push(node);
      }
    };
    place(parent.childNodes);
    parent.childNodes = children;
  }
}

/**
 * The article's HTML sanitized without jsdom, in a detached linkedom `<div>`, when it is plain
 * (above); null when it needs DOMPurify over jsdom (`sanitizeToElement`).
 * @param pageUrl the page's own address, to keep links to its own fragments inside the article
 * @param keepImage the `assets/<name>` path an image is stored at, or null to show its alt text
 */
export function plainReaderElement(
  dirtyHtml: string,
  { pageUrl, keepImage = () => null }: { pageUrl?: string | null; keepImage?: (src: string) => string | null } = {},
): Element | null {
  // DOMPurify reads the markup as a whole document, where a `<frameset>` takes the body's place; a
  // fragment's parse ignores it. Rare enough to leave to DOMPurify.
  if (FRAMESET.test(dirtyHtml)) return null;
  const fragment = parseFragment(fragmentContext, dirtyHtml, { scriptingEnabled: false });
  if (!purifyPlainTree(fragment, { pageUrl: parseUrl(pageUrl), keepImage })) return null;
  const document = plainWindow().document as unknown as Document;
  const root = document.createElement('div');
  appendTreeChildren(document, fragment, root);
  return root;
}
