import { describe, expect, it, vi } from 'vitest';
import { createBrowserSession } from '../../../../renderer/api/browser-session';
import { createHttpEvents, parseServerSentEvents } from '../../../../renderer/api/http-events';

describe('browser-mode events over fetch (EventSource cannot send the token header)', () => {
  it('splits a stream into events, keeping an unfinished one for the next chunk', () => {
    const { events, rest } = parseServerSentEvents('retry: 2000\n\n: keep-alive\n\nevent: import-progress\ndata: {"done":1}\n\nevent: import-fin');
    expect(events).toEqual([{ event: 'import-progress', data: '{"done":1}' }]);
    expect(rest).toBe('event: import-fin');
  });

  it('opens one stream with the token header, hands each listener its payload, and closes with the last listener', async () => {
    const encoder = new TextEncoder();
    let signal: AbortSignal | undefined;
    const fetchMock = vi.fn<typeof fetch>(async (_url, init) => {
      signal = init?.signal ?? undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          // Split mid-event, as a network would.
          controller.enqueue(encoder.encode('retry: 2000\n\nevent: import-progress\ndata: {"jobId":"j1","do'));
          controller.enqueue(encoder.encode('ne":1}\n\nevent: import-finished\ndata: {"jobId":"j1"}\n\n'));
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    const session = createBrowserSession('tok', { get: () => null, set: () => {} });
    const events = createHttpEvents(fetchMock, session);

    const finished = new Promise<unknown>((resolve) => {
      const stop = events.on('import-finished', (payload) => {
        stop();
        resolve(payload);
      });
    });
    const progress: unknown[] = [];
    const stopProgress = events.on('import-progress', (payload) => progress.push(payload));

    expect(await finished).toEqual({ jobId: 'j1' });
    expect(progress).toEqual([{ jobId: 'j1', done: 1 }]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/events');
    expect(init?.headers).toEqual({ 'X-Quire-Token': 'tok' });
    expect(init?.credentials).toBe('omit');

    expect(signal?.aborted).toBe(false);
    stopProgress();
    expect(signal?.aborted).toBe(true);
  });
});
