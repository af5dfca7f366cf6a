import { describe, expect, it, vi } from 'vitest';
import { createBrowserSession, takeTokenFromAddress } from '../../../../renderer/api/browser-session';

/** What a tab's sessionStorage would hold. */
function memoryStore(initial: string | null = null) {
  let kept = initial;
  return { get: () => kept, set: (token: string) => void (kept = token), kept: () => kept };
}

/** A stand-in server: `valid` is the token of the running `quire serve`. */
function server(valid: string) {
  const seen: (string | undefined)[] = [];
  const send = vi.fn(async (headers: Record<string, string>) => {
    const token = headers['X-Quire-Token'];
    seen.push(token);
    return token === valid
      ? new Response('{"ok":true}', { status: 200, headers: { 'X-Quire-Content-Base': '/content/key' } })
      : new Response('{"ok":false}', { status: 403 });
  });
  return { send, seen };
}

describe('browser session (the token kept by the page, not a cookie)', () => {
  it('sends the token from the address, and keeps it in the tab for a reload', async () => {
    const store = memoryStore();
    const session = createBrowserSession('good', store);
    const { send, seen } = server('good');
    expect((await session.send(send)).status).toBe(200);
    expect(seen).toEqual(['good']);
    expect(store.kept()).toBe('good');
    expect(session.contentBase).toBe('/content/key');

    const reloaded = createBrowserSession(null, store);
    expect((await reloaded.send(send)).status).toBe(200);
  });

  it('keeps working when another page sends the tab to the app with a wrong token in the address', async () => {
    const store = memoryStore('good');
    const session = createBrowserSession('planted', store);
    const { send, seen } = server('good');
    expect((await session.send(send)).status).toBe(200);
    expect(seen).toEqual(['planted', 'good']);
    expect(store.kept()).toBe('good');
    // The refused token is not tried again.
    await session.send(send);
    expect(seen).toEqual(['planted', 'good', 'good']);
  });

  it('takes a new token from the address over a stale kept one (quire serve restarted)', async () => {
    const store = memoryStore('old');
    const session = createBrowserSession('new', store);
    const { send, seen } = server('new');
    expect((await session.send(send)).status).toBe(200);
    expect(seen).toEqual(['new']);
    expect(store.kept()).toBe('new');
  });

  it('with no token at all, asks once without one, so the server can say how to get in', async () => {
    const session = createBrowserSession(null, memoryStore());
    const { send, seen } = server('good');
    expect((await session.send(send)).status).toBe(403);
    expect(seen).toEqual([undefined]);
    expect(session.contentBase).toBeUndefined();
  });

  it('takes the token out of the address bar, keeping the rest of the address', () => {
    window.history.replaceState(null, '', '/?view=trash#token=abc-DEF_1');
    expect(takeTokenFromAddress(window.location, window.history)).toBe('abc-DEF_1');
    expect(window.location.href).not.toContain('abc-DEF_1');
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/?view=trash');
    expect(takeTokenFromAddress(window.location, window.history)).toBeNull();
    window.history.replaceState(null, '', '/');
  });
});
