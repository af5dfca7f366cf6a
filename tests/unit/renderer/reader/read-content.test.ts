/**
 * A long book's text read as its file, not carried in the core's answer: the reader gets the same
 * content either way, and a file that does not match what the core said (changed in between,
 * unreadable) gets the whole content asked for again.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleContent, ContentOptions } from '../../../../electron/shared/models';
import { readContent } from '../../../../renderer/reader/read-content';
import { createFakeApi } from '../support/fake-api';

const TEXT = 'Call me Ishmael.\nSome years ago.';
const WHOLE: ArticleContent = { id: 'a1', html: '', text: TEXT, chapters: [{ anchor: 'c1', label: 'One', start: 0, end: TEXT.length, words: 6 }] };

function apiAnsweringApart() {
  const api = createFakeApi();
  api.getContent.mockImplementation(async (_id: string, options?: ContentOptions) =>
    options?.textApart ? { ok: true, value: { ...WHOLE, text: '', textApart: { length: TEXT.length } } } : { ok: true, value: WHOLE },
  );
  return api;
}

describe("a long book's content", () => {
  it('has its text from the file when the file is as long as the core said', async () => {
    const api = apiAnsweringApart();
    const answer = await readContent(api, 'a1', async () => TEXT);
    expect(answer).toEqual({ ok: true, value: WHOLE });
    expect(api.getContent).toHaveBeenCalledTimes(1);
  });

  it('is asked for whole again when the file changed in between or cannot be read', async () => {
    for (const file of [`${TEXT} and more`, null]) {
      const api = apiAnsweringApart();
      const answer = await readContent(api, 'a1', async () => file);
      expect(answer).toEqual({ ok: true, value: WHOLE });
      expect(api.getContent).toHaveBeenLastCalledWith('a1');
    }
  });

  it('of an article not read in chapters is the answer as it came', async () => {
    const api = createFakeApi();
    const content: ArticleContent = { id: 'a2', html: '<p>Short.</p>', text: 'Short.' };
    api.getContent.mockResolvedValue({ ok: true, value: content });
    expect(await readContent(api, 'a2', async () => 'never read')).toEqual({ ok: true, value: content });
  });
});
