/**
 * Whether a book is set vertically (Japanese and Chinese, lines top to bottom, right to left): its
 * CSS says so on the document or its body (`writing-mode`, or EPUB's and WebKit's prefixed forms,
 * `vertical-rl` or the older `tb-rl`), or, when its CSS says nothing either way, its pages turn
 * right to left and its language is Chinese, Japanese or Korean (how Thorium and Apple Books read
 * such books). Only the root and the body count: a vertical heading in a horizontal book does not
 * make the book vertical.
 */
import { generate, parse, walk } from 'css-tree';
import type { WritingMode } from '../../../shared/fixed-layout';
import { firstNamed } from './xml';

export type ChapterWritingMode = 'vertical' | 'horizontal' | null;

const WRITING_MODE_PROPERTIES = new Set(['writing-mode', '-epub-writing-mode', '-webkit-writing-mode']);
const VERTICAL_VALUES = new Set(['vertical-rl', 'tb-rl', 'tb']);
const HORIZONTAL_VALUES = new Set(['horizontal-tb', 'lr-tb', 'lr', 'rl-tb', 'rl']);
const VERTICAL_LANGUAGES = new Set(['ja', 'zh', 'ko']);

function modeOfValue(value: string): ChapterWritingMode {
  const word = value.trim().toLowerCase().replace(/\s*!important$/, '');
  if (VERTICAL_VALUES.has(word)) return 'vertical';
  return HORIZONTAL_VALUES.has(word) ? 'horizontal' : null;
}

/** The last writing mode the declarations set, if any. */
function modeOfDeclarations(declarations: string): ChapterWritingMode {
  let mode: ChapterWritingMode = null;
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0 || !WRITING_MODE_PROPERTIES.has(declaration.slice(0, colon).trim().toLowerCase())) continue;
    mode = modeOfValue(declaration.slice(colon + 1)) ?? mode;
  }
  return mode;
}

const matches = (element: Element | null, selector: string): boolean => {
  try {
    return element?.matches(selector) ?? false;
  } catch {
    return false; // a selector the DOM cannot read applies to nothing
  }
};

/** What a chapter's style sheets and its root's and body's `style` say (the last word wins, as in a cascade of equals). */
export function chapterWritingMode(chapter: Document, sheets: readonly string[]): ChapterWritingMode {
  const root = chapter.documentElement;
  const body = firstNamed(chapter, 'body');
  let mode: ChapterWritingMode = null;
  for (const css of sheets) {
    if (!/writing-mode/i.test(css)) continue; // most sheets: no parse at all
    let ast;
    try {
      ast = parse(css, { parseValue: false, parseRulePrelude: false, onParseError: () => undefined });
    } catch {
      continue;
    }
    walk(ast, {
      visit: 'Rule',
      enter(rule) {
        const selector = generate(rule.prelude);
        if (!matches(root, selector) && !matches(body, selector)) return;
        mode = modeOfDeclarations(generate(rule.block).replace(/^\{|\}$/g, '')) ?? mode;
      },
    });
  }
  for (const element of [root, body]) mode = modeOfDeclarations(element?.getAttribute('style') ?? '') ?? mode;
  return mode;
}

/**
 * The book's writing mode from its first chapters' (those that say anything: most vertical books
 * say it in every chapter; a cover page may say nothing), its page progression and its language.
 */
export function bookWritingMode(chapterModes: readonly ChapterWritingMode[], progression: 'ltr' | 'rtl' | null, lang: string | null): WritingMode | null {
  const vertical = chapterModes.filter((mode) => mode === 'vertical').length;
  const horizontal = chapterModes.filter((mode) => mode === 'horizontal').length;
  if (vertical > 0 || horizontal > 0) return vertical > horizontal ? 'vertical-rl' : null;
  const baseLang = lang?.toLowerCase().split(/[-_]/)[0] ?? '';
  return progression === 'rtl' && VERTICAL_LANGUAGES.has(baseLang) ? 'vertical-rl' : null;
}
