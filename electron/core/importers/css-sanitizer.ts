/**
 * A book's own CSS, made safe to lay out one of its pages in the reader (a fixed-layout page keeps
 * its positioned text and pictures). Parsed by css-tree, never by patterns, and rebuilt from what
 * is allowed:
 * - style rules, and `@media` / `@supports` around them; every other at-rule goes (`@import`,
 *   `@font-face`: fonts are not kept, `@namespace`, `@page`, `@keyframes`, `@property`, `@layer`);
 * - a selector that would reach outside its page (`:host`, `::part`, `::slotted`) drops its rule;
 *   `html`, `body` and `:root` become the page's own stand-ins (`epub-html`, `epub-body`);
 * - a value may hold only functions of an allow-list (colours, maths, gradients, transforms,
 *   shapes, filters…): no `expression()`, `image-set()`, `element()`, `attr()`, `paint()`;
 * - `url()` only for a file of the book that the importer stored (`resolveUrl` gives its
 *   `assets/<name>`), else the declaration goes; `behavior` and `-moz-binding` go whatever they say;
 * - `position: fixed` becomes `absolute` (a page never pins anything over the app).
 * Bounded: a sheet over `MAX_CSS_CHARS` is not read, a rule's selectors over `MAX_SELECTOR_CHARS`
 * drop the rule, and at most `MAX_RULES` rules are kept. `<` never appears in the result, so it
 * cannot close a `<style>` whatever it is put in.
 */
import { type CssNode, type Declaration, generate, type List, type ListItem, parse, type Rule, walk } from 'css-tree';

export const MAX_CSS_CHARS = 512 * 1024;
export const MAX_SELECTOR_CHARS = 2000;
export const MAX_RULES = 10_000;
const MAX_AT_RULE_DEPTH = 3;

/** Functions a value may use: none of them loads anything or runs anything. */
const ALLOWED_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark',
  'calc', 'min', 'max', 'clamp', 'var', 'env',
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient', 'repeating-radial-gradient',
  'repeating-conic-gradient', '-webkit-linear-gradient', '-webkit-radial-gradient',
  'translate', 'translatex', 'translatey', 'translatez', 'translate3d', 'scale', 'scalex', 'scaley', 'scalez', 'scale3d',
  'rotate', 'rotatex', 'rotatey', 'rotatez', 'rotate3d', 'skew', 'skewx', 'skewy', 'matrix', 'matrix3d', 'perspective',
  'rect', 'inset', 'circle', 'ellipse', 'polygon',
  'cubic-bezier', 'steps',
  'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia',
  'minmax', 'repeat', 'fit-content', 'counter', 'counters', 'format', 'local',
]);

/** Properties that run code (old Internet Explorer and Firefox) or mean nothing on a page. */
const FORBIDDEN_PROPERTIES = new Set(['behavior', '-ms-behavior', '-moz-binding']);

const ALLOWED_AT_RULES = new Set(['media', 'supports']);
const OUTSIDE_THE_PAGE = new Set(['host', 'host-context', 'part', 'slotted']);

/** The page's stand-ins for the document's root and body (custom element names: they match nothing else). */
export const PAGE_HTML_ELEMENT = 'epub-html';
export const PAGE_BODY_ELEMENT = 'epub-body';

export interface CssOptions {
  /** the stored asset (`assets/<name>`) for an address the CSS names, or null to drop what uses it */
  resolveUrl: (url: string) => Promise<string | null>;
}

/** Sanitized CSS (see above); '' when nothing in `css` may stay. */
export async function sanitizeCss(css: string, { resolveUrl }: CssOptions): Promise<string> {
  if (css.length > MAX_CSS_CHARS) return '';
  const ast = parseSheet(css, 'stylesheet');
  if (!ast) return '';
  const stored = await resolveAll(ast, resolveUrl);
  const state = { rules: 0 };
  if (ast.type !== 'StyleSheet') return '';
  cleanRuleList(ast.children, 0, stored, state);
  return safeText(generate(ast));
}

/** The declarations of a `style` attribute, sanitized as one rule's (without braces). */
export async function sanitizeDeclarations(declarations: string, { resolveUrl }: CssOptions): Promise<string> {
  if (declarations.length > MAX_CSS_CHARS) return '';
  const ast = parseSheet(declarations, 'declarationList');
  if (!ast || ast.type !== 'DeclarationList') return '';
  const stored = await resolveAll(ast, resolveUrl);
  cleanDeclarations(ast.children, stored);
  return safeText(generate(ast));
}

function parseSheet(css: string, context: 'stylesheet' | 'declarationList'): CssNode | null {
  try {
    // Errors are not fatal: css-tree keeps what it could not read as Raw nodes, which are dropped.
    return parse(css, { context, parseValue: true, parseRulePrelude: true, parseAtrulePrelude: true, parseCustomProperty: false, onParseError: () => undefined });
  } catch {
    return null;
  }
}

/** Every `url()` resolved once, before the synchronous clean-up. */
async function resolveAll(ast: CssNode, resolveUrl: CssOptions['resolveUrl']): Promise<Map<string, string | null>> {
  const urls = new Set<string>();
  walk(ast, {
    visit: 'Url',
    enter(node) {
      urls.add(node.value);
    },
  });
  const stored = new Map<string, string | null>();
  for (const url of urls) stored.set(url, /^\s*data:/i.test(url) ? null : await resolveUrl(url.trim()));
  return stored;
}

/** `<` written as a CSS escape: the same character to CSS, never the start of a tag to HTML. */
const safeText = (css: string): string => css.replace(/</g, '\\3c ');

function cleanRuleList(list: List<CssNode>, depth: number, stored: ReadonlyMap<string, string | null>, state: { rules: number }): void {
  list.forEach((node, item) => {
    let keep = false;
    if (node.type === 'Rule') keep = state.rules < MAX_RULES && cleanRule(node, stored) && ++state.rules > 0;
    else if (node.type === 'Atrule' && ALLOWED_AT_RULES.has(node.name.toLowerCase()) && node.block && depth < MAX_AT_RULE_DEPTH) {
      keep = node.prelude?.type === 'AtrulePrelude';
      if (keep) cleanRuleList(node.block.children, depth + 1, stored, state);
    }
    if (!keep) list.remove(item);
  });
}

function cleanRule(rule: Rule, stored: ReadonlyMap<string, string | null>): boolean {
  if (rule.prelude.type !== 'SelectorList') return false;
  if (generate(rule.prelude).length > MAX_SELECTOR_CHARS) return false;
  let reachesOut = false;
  walk(rule.prelude, {
    enter(node: CssNode, item: ListItem<CssNode> | undefined, list: List<CssNode> | undefined) {
      if ((node.type === 'PseudoClassSelector' || node.type === 'PseudoElementSelector') && OUTSIDE_THE_PAGE.has(node.name.toLowerCase())) reachesOut = true;
      else if (node.type === 'TypeSelector') {
        const name = node.name.toLowerCase();
        if (name === 'html') node.name = PAGE_HTML_ELEMENT;
        else if (name === 'body') node.name = PAGE_BODY_ELEMENT;
      } else if (node.type === 'PseudoClassSelector' && node.name.toLowerCase() === 'root' && item && list) {
        list.replace(item, list.createItem({ type: 'TypeSelector', name: PAGE_HTML_ELEMENT }));
      } else if (node.type === 'Raw') reachesOut = true; // a selector css-tree could not read
    },
  });
  if (reachesOut) return false;
  cleanDeclarations(rule.block.children, stored);
  return !rule.block.children.isEmpty;
}

function cleanDeclarations(list: List<CssNode>, stored: ReadonlyMap<string, string | null>): void {
  list.forEach((node, item) => {
    // Nested rules and anything unreadable go: a page's layout needs plain declarations.
    if (node.type !== 'Declaration' || !cleanDeclaration(node, stored)) list.remove(item);
  });
}

function cleanDeclaration(declaration: Declaration, stored: ReadonlyMap<string, string | null>): boolean {
  const property = declaration.property.toLowerCase();
  if (FORBIDDEN_PROPERTIES.has(property) || declaration.value.type !== 'Value' || declaration.value.children.isEmpty) return false;
  let safe = true;
  walk(declaration.value, {
    enter(node: CssNode) {
      if (node.type === 'Raw') safe = false;
      else if (node.type === 'Function' && !ALLOWED_FUNCTIONS.has(node.name.toLowerCase())) safe = false;
      else if (node.type === 'Url') {
        const asset = stored.get(node.value) ?? null;
        if (asset === null) safe = false;
        else node.value = asset;
      } else if (node.type === 'Identifier' && property === 'position' && node.name.toLowerCase() === 'fixed') node.name = 'absolute';
    },
  });
  return safe;
}
