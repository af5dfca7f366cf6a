import { describe, expect, it } from 'vitest';
import { effectiveWritingMode, verticalPageCount } from '../../../../../renderer/reader/book/vertical';

describe('vertical text in the reader', () => {
  it("follows the book unless the reader chose otherwise for it", () => {
    expect(effectiveWritingMode('vertical-rl', 'book')).toBe('vertical-rl');
    expect(effectiveWritingMode(undefined, 'book')).toBeNull();
    expect(effectiveWritingMode('vertical-rl', 'horizontal')).toBeNull();
    expect(effectiveWritingMode(undefined, 'vertical')).toBe('vertical-rl');
  });

  it('counts a part-filled last page as a page, and a text narrower than the view as one page', () => {
    expect(verticalPageCount(2500, 1000)).toBe(3);
    expect(verticalPageCount(3000, 1000)).toBe(3);
    expect(verticalPageCount(3004, 1000)).toBe(3); // a sub-pixel overflow is no page
    expect(verticalPageCount(400, 1000)).toBe(1);
    expect(verticalPageCount(0, 0)).toBe(1);
  });
});
