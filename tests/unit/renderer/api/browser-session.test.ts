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

  it('keeps working when calls made together meet the wrong token from the address (each tries every token it started with)', async () => {
    // The page's first calls go out together. One of them can hear the refusal, try the kept token
    // and succeed while the other still waits for its own refusal; that one must go on to the kept
    // token too, not stop at the refusal because the session now knows one token only.
    const session = createBrowserSession('planted', memoryStore('good'));
    const answers: { token: string | undefined; answer: (response: Response) => void }[] = [];
    const send = (headers: Record<string, string>) =>
      new Promise<Response>((answer) => answers.push({ token: headers['X-Quire-Token'], answer }));
    const answerNext = (token: string) => {
      const index = answers.findIndex((pending) => pending.token === token);
      const [pending] = answers.splice(index, 1);
      pending!.answer(token === 'good' ? new Response('{"ok":true}', { status: 200 }) : new Response('{"ok":false}', { status: 403 }));
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    const first = session.send(send);
    const second = session.send(send);
    expect(answers.map((pending) => pending.token)).toEqual(['planted', 'planted']);
    answerNext('planted'); // the first call's refusal
    await settle();
    answerNext('good'); // the first call's retry with the kept token
    expect((await first).status).toBe(200);
    answerNext('planted'); // only now the second call's refusal
    await settle();
    expect(answers.map((pending) => pending.token)).toEqual(['good']);
    answerNext('good');
    expect((await second).status).toBe(200);
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
