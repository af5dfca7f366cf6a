import { describe, expect, it } from 'vitest';
import { chooseTitle, isWriterTitle, largestText } from '../../../../electron/core/importers/pdf/pdf-title';
import type { Line } from '../../../../electron/core/importers/pdf/reflow';

const line = (text: string, size: number, y: number): Line => ({ text, size, y, x: 72 });
const body = (count: number, from: number): Line[] =>
  Array.from({ length: count }, (_, i) => line(`Body line ${i} of a long paragraph about whales and the sea.`, 10, from - i * 12));

describe('the first page\'s largest text', () => {
  it('is the lines set in the largest size, joined, skipping a drop cap', () => {
    const page = [line('W', 40, 700), line('Deep Residual Learning', 18, 760), line('for Image Recognition', 18, 738), ...body(20, 680)];
    expect(largestText(page)?.text).toBe('Deep Residual Learning for Image Recognition');
  });

  it('is nothing on a page set in one size', () => {
    expect(largestText(body(20, 700))).toBeNull();
  });
});

describe('the title', () => {
  const page = [line('quanta magazine', 8, 800), line('The Year in Math', 24, 760), ...body(20, 700)];

  it('is the metadata\'s when it is a title', () => {
    expect(chooseTitle('Why the Year Mattered', page, 'x.pdf')).toBe('Why the Year Mattered');
  });

  it('is the largest text when the metadata names the masthead printed smaller', () => {
    expect(chooseTitle('Quanta Magazine', page, 'x.pdf')).toBe('The Year in Math');
  });

  it('is the largest text when the metadata is missing or a placeholder', () => {
    expect(chooseTitle(null, page, 'x.pdf')).toBe('The Year in Math');
    expect(chooseTitle('Microsoft PowerPoint - talk.pptx', page, 'x.pdf')).toBe('The Year in Math');
  });

  it('recognises placeholders and file names', () => {
    expect(isWriterTitle('Untitled document', 'a.pdf')).toBe(true);
    expect(isWriterTitle('C:\\Users\\me\\paper.dvi', 'a.pdf')).toBe(true);
    expect(isWriterTitle('report_final', 'report_final.pdf')).toBe(true);
    expect(isWriterTitle('<b>Electronegativity<b><br><p class=manual>User Manual</p>', 'a.pdf')).toBe(true);
    expect(isWriterTitle('On the Great Whales', 'whales.pdf')).toBe(false);
  });
});
