import { describe, expect, it, vi } from 'vitest';
import type { ReaderService } from '../../../electron/shared/contract';
import { READER_METHODS } from '../../../electron/shared/contract';
import { createDirectApi, dispatch } from '../../../electron/shared/dispatch';
import { QuireError } from '../../../electron/shared/result';
import { say } from '../../../electron/shared/i18n/core-sentences';

/** A service whose every method records its call; individual methods are overridden per test. */
function fakeService(overrides: Partial<ReaderService> = {}): ReaderService {
  const service: Partial<Record<string, unknown>> = {};
  for (const method of READER_METHODS) service[method] = vi.fn(async () => undefined);
  return { ...(service as ReaderService), ...overrides };
}

describe('dispatch', () => {
  it('passes validated arguments to the service and wraps the value', async () => {
    const getArticle = vi.fn(async (id: string) => ({ id }) as never);
    const result = await dispatch(fakeService({ getArticle }), 'getArticle', ['seed-article']);
    expect(result).toEqual({ ok: true, value: { id: 'seed-article' } });
    expect(getArticle).toHaveBeenCalledWith('seed-article');
  });

  it('refuses an id that could name a path, without calling the service', async () => {
    const getContent = vi.fn();
    const result = await dispatch(fakeService({ getContent }), 'getContent', ['../../etc/passwd']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument');
      expect(result.error.message).toMatch(/getContent: argument 0 is not a valid id/);
    }
    expect(getContent).not.toHaveBeenCalled();
  });

  it('asks for the first articles only with a whole number of at least one', async () => {
    const listArticles = vi.fn(async () => []);
    for (const limit of [0, -3, 1.5, '10', Number.NaN]) {
      const refused = await dispatch(fakeService({ listArticles }), 'listArticles', [{ limit }]);
      expect(refused.ok, String(limit)).toBe(false);
    }
    expect(listArticles).not.toHaveBeenCalled();
    expect((await dispatch(fakeService({ listArticles }), 'listArticles', [{ limit: 100 }])).ok).toBe(true);
    expect(listArticles).toHaveBeenCalledWith({ limit: 100 });
  });

  it('refuses unknown properties and wrong types', async () => {
    const bad = await dispatch(fakeService(), 'setSettings', [{ theme: 'neon' }]);
    expect(bad.ok).toBe(false);
    const extra = await dispatch(fakeService(), 'setProgress', ['abc123', { progress: 0.5, position: 3, evil: 1 }]);
    expect(extra.ok).toBe(false);
    const reversed = await dispatch(fakeService(), 'createAnnotation', [
      { articleId: 'abc123', kind: 'bookmark', passage: { start: 10, end: 4 } },
    ]);
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.message).toMatch(/end must be after start/);
  });

  it('returns a QuireError as its code and message', async () => {
    const getArticle = vi.fn(async () => {
      throw new QuireError('not-found', 'There is no article abc123 in the library.', say('core.error.articleNotFound'));
    });
    const result = await dispatch(fakeService({ getArticle }), 'getArticle', ['abc123']);
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no article abc123 in the library.', sentence: { id: 'core.error.articleNotFound', values: {} } },
    });
  });

  it('hides unexpected errors behind a generic message and reports them', async () => {
    const onUnexpected = vi.fn();
    const listArticles = vi.fn(async () => {
      throw new Error('EACCES: /home/someone/secret/path');
    });
    const result = await dispatch(fakeService({ listArticles }), 'listArticles', [], onUnexpected);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('/home/someone');
    }
    expect(onUnexpected).toHaveBeenCalledOnce();
  });

  it('gives a direct api with exactly the contract methods', async () => {
    const api = createDirectApi(fakeService());
    expect(Object.keys(api).sort()).toEqual([...READER_METHODS].sort());
    expect((await api.search('x', { limit: 5 })).ok).toBe(true);
    expect((await api.search('x', { limit: 0 })).ok).toBe(false);
  });
});
