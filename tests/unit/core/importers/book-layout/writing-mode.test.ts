import { describe, expect, it } from 'vitest';
import { bookWritingMode, chapterWritingMode } from '../../../../../electron/core/importers/epub/writing-mode';
import { parseXml } from '../../../../../electron/core/importers/epub/xml';

const chapter = (rootAttributes = '', bodyAttributes = ''): Document =>
  parseXml(`<html xmlns="http://www.w3.org/1999/xhtml" ${rootAttributes}><head/><body ${bodyAttributes}><p>本文</p></body></html>`, 'application/xhtml+xml')!;

describe("a chapter's writing mode", () => {
  it('is read from rules that match its root or body, in any of the three spellings', () => {
    expect(chapterWritingMode(chapter(), ['html { writing-mode: vertical-rl }'])).toBe('vertical');
    expect(chapterWritingMode(chapter(), ['body { -epub-writing-mode: vertical-rl }'])).toBe('vertical');
    expect(chapterWritingMode(chapter('class="vrtl"'), ['.vrtl { -webkit-writing-mode: vertical-rl }'])).toBe('vertical');
    expect(chapterWritingMode(chapter(), ['html { -epub-writing-mode: tb-rl }'])).toBe('vertical');
    expect(chapterWritingMode(chapter('', 'style="writing-mode: vertical-rl"'), [])).toBe('vertical');
  });

  it('is not set by rules for other elements, and the last word wins', () => {
    expect(chapterWritingMode(chapter(), ['h1, .tcy { writing-mode: vertical-rl }'])).toBeNull();
    expect(chapterWritingMode(chapter('class="hltr"'), ['html { writing-mode: vertical-rl }', '.hltr { writing-mode: horizontal-tb }'])).toBe('horizontal');
    expect(chapterWritingMode(chapter(), [])).toBeNull();
  });

  it('survives broken CSS and selectors the DOM cannot read', () => {
    expect(chapterWritingMode(chapter(), ['html::-epub-foo(( { writing-mode: vertical-rl', '}}}{{{ writing-mode', ':nth-child(2n+ { writing-mode: vertical-rl }'])).toBeNull();
  });
});

describe("a book's writing mode", () => {
  it('follows what its chapters say', () => {
    expect(bookWritingMode([null, 'vertical', 'vertical'], null, 'en')).toBe('vertical-rl');
    expect(bookWritingMode(['horizontal', 'horizontal', 'vertical'], 'rtl', 'ja')).toBeNull();
  });

  it('is vertical when the CSS says nothing, pages turn right to left and the language is CJK', () => {
    expect(bookWritingMode([null, null], 'rtl', 'ja-JP')).toBe('vertical-rl');
    expect(bookWritingMode([null], 'rtl', 'zh-Hant')).toBe('vertical-rl');
    expect(bookWritingMode([null], 'rtl', 'ar')).toBeNull();
    expect(bookWritingMode([null], 'ltr', 'ja')).toBeNull();
    expect(bookWritingMode([], null, null)).toBeNull();
  });
});
