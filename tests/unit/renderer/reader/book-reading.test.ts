import { describe, expect, it } from 'vitest';
import { chapterAt, chapterEnd, chaptersOfHtml } from '../../../../renderer/reader/book/chapters';
import { noteFor } from '../../../../renderer/reader/book/footnotes';
import { pageAtDistance, pageCount } from '../../../../renderer/reader/book/pagination';
import { durationLabel, minutesFor, wordsBefore, wordStarts } from '../../../../renderer/reader/book/reading-time';
import { englishText, intlFor } from '../support/intl';
import { textOf } from '../../../../renderer/i18n/use-text';

const BOOK =
  '<h1>Moby-Dick</h1><h2>Loomings</h2><p>Call me Ishmael.</p>' +
  '<h2>The Carpet-Bag</h2><p>I stuffed a shirt.</p><h3>The Inn</h3><p>Entering.</p><h4>Too deep</h4><p>x</p>' +
  '<h2>The Street</h2><p>End.</p>';

describe('chapters of a book', () => {
  it('lists the headings with their depth and where each starts in the text', () => {
    const chapters = chaptersOfHtml(BOOK);
    const text = 'Moby-DickLoomingsCall me Ishmael.The Carpet-BagI stuffed a shirt.The InnEntering.Too deepxThe StreetEnd.';
    // The fourth level is left out: the contents keep to three.
    expect(chapters.map((c) => [c.depth, c.title, text.slice(c.start, c.start + c.title.length)])).toEqual([
      [1, 'Moby-Dick', 'Moby-Dick'],
      [2, 'Loomings', 'Loomings'],
      [2, 'The Carpet-Bag', 'The Carpet-Bag'],
      [3, 'The Inn', 'The Inn'],
      [2, 'The Street', 'The Street'],
    ]);
    // The heading a chapter is, counted among all the text's headings, finds it on the page.
    expect(chapters.map((c) => c.headingIndex)).toEqual([0, 1, 2, 3, 5]);
  });

  it('finds the chapter that holds an offset, and where that chapter ends', () => {
    const starts = [0, 10, 50, 80];
    expect(chapterAt(starts, 0)).toBe(0);
    expect(chapterAt(starts, 9)).toBe(0);
    expect(chapterAt(starts, 10)).toBe(1);
    expect(chapterAt(starts, 79)).toBe(2);
    expect(chapterAt(starts, 5000)).toBe(3);
    expect(chapterAt([5, 9], 2)).toBe(-1);
    const chapters = [
      { depth: 1, start: 0 },
      { depth: 2, start: 10 },
      { depth: 3, start: 50 },
      { depth: 2, start: 80 },
    ];
    expect(chapterEnd(chapters, 1, 100)).toBe(80); // its sub-section is part of it
    expect(chapterEnd(chapters, 2, 100)).toBe(80);
    expect(chapterEnd(chapters, 0, 100)).toBe(100);
    expect(chapterEnd(chapters, 3, 100)).toBe(100);
  });
});

describe('time left', () => {
  it('counts the words after a place, Chinese and Japanese characters one each', () => {
    const starts = wordStarts('Call me  Ishmael.\nSome years ago 吾輩は猫');
    expect(starts.length).toBe(10);
    expect(wordsBefore(starts, 0)).toBe(0);
    expect(wordsBefore(starts, 5)).toBe(1); // "me" starts at 5
    expect(wordsBefore(starts, 6)).toBe(2);
    expect(wordsBefore(starts, 10_000)).toBe(10);
  });

  it('turns words into minutes at 230 words a minute, a few words one minute, and says them plainly', () => {
    expect(minutesFor(0)).toBe(0);
    expect(minutesFor(1)).toBe(1);
    expect(minutesFor(230)).toBe(1);
    expect(minutesFor(344)).toBe(1);
    expect(minutesFor(345)).toBe(2);
    expect(minutesFor(935_000)).toBe(4065);
    expect(durationLabel(0, englishText)).toBe('less than a minute');
    expect(durationLabel(45, englishText)).toBe('45 min');
    expect(durationLabel(60, englishText)).toBe('1 h');
    expect(durationLabel(4065, englishText)).toBe('67 h 45 min');
    // Arabic counts two apart from three to ten, and joins hours and minutes with "and".
    const arabic = textOf(intlFor('ar'));
    expect(durationLabel(2, arabic)).toBe('دقيقتان');
    expect(durationLabel(125, arabic)).toBe('ساعتان و5 دقائق');
  });
});

describe('footnotes', () => {
  const root = (html: string) => {
    const element = document.createElement('div');
    element.innerHTML = html;
    return element;
  };
  const noteText = (html: string, linkIndex = 0) => {
    const container = root(html);
    const link = container.querySelectorAll('a')[linkIndex]!;
    return noteFor(link, container)?.textContent ?? null;
  };

  it('knows a note by its reference role, its own role, an aside or an endnotes list', () => {
    expect(noteText('<p>Text<a role="doc-noteref" href="#n1">a</a></p><p id="n1">The note.</p>')).toBe('The note.');
    expect(noteText('<p>Text<a href="#n1">see</a></p><div role="doc-footnote" id="n1">Foot.</div>')).toBe('Foot.');
    expect(noteText('<p>Text<a href="#n1">see</a></p><aside id="n1"><p>Aside.</p></aside>')).toBe('Aside.');
    expect(noteText('<p>Text<a href="#e2">2</a></p><ol role="doc-endnotes"><li id="e1">One.</li><li id="e2">Two.</li></ol>')).toBe('Two.');
  });

  it('knows an unmarked note by a short superscript mark, and takes the block of an empty anchor', () => {
    expect(noteText('<p>Text<sup><a href="#fn3">[3]</a></sup></p><p><a id="fn3"></a>3. Said elsewhere.</p>')).toBe('3. Said elsewhere.');
    expect(noteText('<p>Text<a href="#fn3"><sup>*</sup></a></p><p id="fn3">Starred.</p>')).toBe('Starred.');
  });

  it('leaves ordinary links alone: to a heading, a chapter, a long passage, a missing id, itself', () => {
    expect(noteText('<p><sup><a href="#h">1</a></sup></p><h2 id="h">Chapter 1</h2>')).toBeNull();
    expect(noteText('<p><a href="#s">see</a></p><section id="s"><p>Chapter.</p></section>')).toBeNull();
    expect(noteText('<p><a href="#p">see below</a></p><p id="p">An ordinary paragraph.</p>')).toBeNull();
    expect(noteText(`<p><sup><a href="#p">1</a></sup></p><p id="p">${'long '.repeat(400)}</p>`)).toBeNull();
    expect(noteText('<p><sup><a href="#gone">1</a></sup></p>')).toBeNull();
    expect(noteText('<aside id="n"><a role="doc-noteref" href="#n">1</a> Self.</aside>')).toBeNull();
  });
});

describe('pages', () => {
  it('counts the pages of a column layout, the last one perhaps part full', () => {
    // Pages of 600 px with 48 px between them: 3 pages are 3×600 + 2×48 wide.
    expect(pageCount(1896, 600, 48)).toBe(3);
    expect(pageCount(600, 600, 48)).toBe(1);
    expect(pageCount(0, 600, 48)).toBe(1);
  });

  it('settles a scroll between pages on the page it moved toward', () => {
    expect(pageAtDistance(1296, 648, 1)).toBe(2);
    expect(pageAtDistance(1000, 648, 0)).toBe(2); // forward: what it showed is on the later page
    expect(pageAtDistance(1000, 648, 3)).toBe(1); // back: on the earlier one
    expect(pageAtDistance(1295, 648, 0)).toBe(2); // rounding noise is not a move
  });
});
