import { describe, expect, it } from 'vitest';
import { effectiveWritingMode } from '../../../../../renderer/reader/book/vertical';

describe('vertical text in the reader', () => {
  it("follows the book unless the reader chose otherwise for it", () => {
    expect(effectiveWritingMode('vertical-rl', 'book')).toBe('vertical-rl');
    expect(effectiveWritingMode(undefined, 'book')).toBeNull();
    expect(effectiveWritingMode('vertical-rl', 'horizontal')).toBeNull();
    expect(effectiveWritingMode(undefined, 'vertical')).toBe('vertical-rl');
  });
});
