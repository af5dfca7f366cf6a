import { afterEach, describe, expect, it, vi } from 'vitest';
import { READER_METHODS } from '../../../../electron/shared/contract';
import { assetUrl, createApiClient, createHttpApi } from '../../../../renderer/api/api-client';
import { createBrowserSession } from '../../../../renderer/api/browser-session';

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  delete window.quire;
});

describe('HTTP client (browser mode)', () => {
  it('posts the arguments as a JSON array to /api/<method>, with the token header and no cookie, and returns the Result', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => jsonResponse(200, { ok: true, value: [{ id: 'a' }] }));
    const session = createBrowserSession('the-token', { get: () => null, set: () => {} });
    const api = createHttpApi(fetchMock, session);

    const result = await api.search('river "exact"', { limit: 5 });

    expect(result).toEqual({ ok: true, value: [{ id: 'a' }] });
    expect(fetchMock).toHaveBeenCalledWith('/api/search', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'X-Quire-Token': 'the-token' },
      body: JSON.stringify(['river "exact"', { limit: 5 }]),
    });
  });

  it('has every method of the contract', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => jsonResponse(200, { ok: true, value: null }));
    const api = createHttpApi(fetchMock);
    await api.listArticles();
    await api.updateAnnotation('a', 'b', { note: 'x' });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/listArticles', '/api/updateAnnotation']);
    expect(Object.keys(api).sort()).toEqual([...READER_METHODS].sort());
  });

  it('reads the answer of a void method, which JSON carries without a value', async () => {
    const api = createHttpApi(async () => new Response(JSON.stringify({ ok: true, value: undefined }), { status: 200 }));
    expect(await api.deleteArticle('a1')).toEqual({ ok: true });
  });

  it('passes on an error Result sent with an error status', async () => {
    const refusal = { ok: false, error: { code: 'forbidden', message: 'This page is not allowed to use Quire.' } };
    const api = createHttpApi(async () => jsonResponse(403, refusal));
    expect(await api.listTrash()).toEqual(refusal);
  });

  it('turns network and HTTP failures into an io error', async () => {
    const offline = createHttpApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    const down = createHttpApi(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const odd = createHttpApi(async () => jsonResponse(200, { ok: 'yes', hello: 'world' }));

    for (const api of [offline, down, odd]) {
      const result = await api.getSettings();
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('io');
        expect(result.error.message).toMatch(/^Quire's server did not answer/);
      }
    }
  });
});

describe('createApiClient and assetUrl', () => {
  it('uses the Electron bridge when the preload exposed it', () => {
    const bridge = { listArticles: vi.fn() } as unknown as NonNullable<Window['quire']>;
    window.quire = bridge;
    expect(createApiClient()).toBe(bridge);
    expect(assetUrl('abc', 'assets/fig 1.png')).toBe('quire-content://articles/abc/assets/fig%201.png');
  });

  it('uses HTTP in browser mode, and the content route its answers name', async () => {
    const answer = new Response(JSON.stringify({ ok: true, value: [] }), { headers: { 'X-Quire-Content-Base': '/content/k3y' } });
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(answer);
    try {
      const api = createApiClient('http:');
      expect(await api?.listArticles()).toEqual({ ok: true, value: [] });
      expect(fetchSpy).toHaveBeenCalledWith('/api/listArticles', expect.objectContaining({ method: 'POST' }));
    } finally {
      fetchSpy.mockRestore();
    }
    expect(assetUrl('abc', './assets/a b.png')).toBe('/content/k3y/abc/assets/a%20b.png');
  });

  it('never falls back to HTTP on a desktop page whose preload did not run', () => {
    expect(createApiClient('quire-app:')).toBeNull();
  });
});
