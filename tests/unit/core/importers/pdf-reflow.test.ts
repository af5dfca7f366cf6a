import { describe, expect, it } from 'vitest';
import { blocksOf, columnsOf, linesOf, type TextRun, withoutRunningLines } from '../../../../electron/core/importers/pdf/reflow';

const run = (text: string, x: number, y: number, size = 11): TextRun => ({ text, x, y, size, width: text.length * size * 0.45 });

describe('PDF reflow', () => {
  it('keeps a contents page with page numbers at the right edge as one column', () => {
    const runs = ['Introduction', 'The first voyage', 'Whales and their kind', 'The last chase', 'Epilogue', 'Notes', 'Index', 'Appendix', 'Maps', 'Tables']
      .flatMap((label, i) => [run(`${label} ................................`, 72, 700 - i * 14), run(String(i * 20 + 1), 480, 700 - i * 14)]);
    const groups = columnsOf(runs);
    expect(groups).toHaveLength(1);
    expect(linesOf(groups[0]!)[0]!.text).toBe('Introduction ................................ 1');
  });

  it('joins runs on one baseline, with a space only where the page shows a gap', () => {
    const lines = linesOf([
      { text: 'Call me', x: 72, y: 700, width: 40, size: 11 },
      { text: 'Ish', x: 114, y: 700.4, width: 15, size: 11 },
      { text: 'mael.', x: 129, y: 700, width: 25, size: 11 },
    ]);
    expect(lines.map((line) => line.text)).toEqual(['Call me Ishmael.']);
  });

  it('keeps every line of a one-page document, even short ones at its edges', () => {
    const page = [{ text: '3', x: 300, y: 800, size: 9 }, { text: 'Body', x: 72, y: 700, size: 11 }];
    expect(withoutRunningLines([page])).toEqual([page]);
  });

  it('drops a running header and page numbers found on most pages, and nothing else', () => {
    const bodies = ['Sales rose in spring.', 'Costs fell in summer.', 'Profit held in autumn.'];
    const pages = [1, 2, 3].map((n) => [
      { text: 'Annual Report 2024', x: 72, y: 800, size: 9 },
      { text: bodies[n - 1]!, x: 72, y: 700, size: 11 },
      // A chapter heading at the same place with a different number is not a running header.
      { text: `Chapter ${n}`, x: 72, y: 600 - n * 40, size: 11 },
      { text: `- ${n} -`, x: 290, y: 40, size: 9 },
    ]);
    expect(withoutRunningLines(pages).map((lines) => lines.map((line) => line.text))).toEqual(
      bodies.map((body, i) => [body, `Chapter ${i + 1}`]),
    );
  });

  it('keeps each line of a table of contents apart, and drops a roman page number', () => {
    const line = (text: string, y: number) => ({ text, x: 72, y, size: 11 });
    const pages = [
      [line('Contents', 760), line('1 Introduction . . . . . . . . 1', 740), line('2 Parsing . . . . . . . . . 4', 726), line('2.1 Syntax . . . . . . . . 5', 712), line('iii', 40)],
      [line('1 Introduction', 760), line('This library reads ASN.1.', 740), line('x', 40)],
    ];
    const texts = blocksOf(withoutRunningLines(pages)).map((block) => block.parts.map((part) => ('text' in part ? part.text : '')).join(''));
    expect(texts).toEqual(['Contents', '1 Introduction . . . . . . . . 1', '2 Parsing . . . . . . . . . 4', '2.1 Syntax . . . . . . . . 5', '1 Introduction', 'This library reads ASN.1.']);
  });
});
