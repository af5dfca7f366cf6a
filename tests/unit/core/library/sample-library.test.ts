import { describe, expect, it } from 'vitest';
import { sampleFilesFor } from '../../../../electron/core/library/sample-library';

describe('the sample library in the reader’s language', () => {
  const names = ['01-seed.txt', '02-welcome.md', '02-welcome.de.md', '02-welcome.zh-CN.md', '03-notes.xx.md', '04-only-german.de.md'];

  it('takes the translation in the interface language in place of the original', () => {
    expect(sampleFilesFor(names, 'de')).toEqual(['01-seed.txt', '02-welcome.de.md', '03-notes.xx.md', '04-only-german.de.md']);
    expect(sampleFilesFor(names, 'zh-CN')).toEqual(['01-seed.txt', '02-welcome.zh-CN.md', '03-notes.xx.md']);
  });

  it('takes the original where there is no translation, and no other language’s', () => {
    // ".xx" is not a shipped language: that file is an original of its own.
    expect(sampleFilesFor(names, 'ja')).toEqual(['01-seed.txt', '02-welcome.md', '03-notes.xx.md']);
  });
});
