/**
 * The contract's events in browser mode: the Server-Sent Events stream at `GET /api/events`, read
 * with `fetch` because `EventSource` cannot send the token header. One stream while anyone
 * listens; it reconnects after a drop (the server restarted, say) and closes with the last
 * listener.
 */
import { EVENTS_ROUTE, type ReaderEventListener, type ReaderEventName, type ReaderEventSource } from '../../electron/shared/contract';
import { browserSession, type BrowserSession } from './browser-session';

const RECONNECT_MS = 2_000;

export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Splits a stream's text into events. Returns the complete events and the unfinished rest, which
 * the next chunk continues. Comments (`: keep-alive`) and `retry:` lines carry no event.
 */
export function parseServerSentEvents(text: string): { events: ServerSentEvent[]; rest: string } {
  const events: ServerSentEvent[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

type AnyListener = (payload: unknown) => void;

export function createHttpEvents(
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  session: BrowserSession = browserSession(),
): ReaderEventSource {
  const listeners = new Map<string, Set<AnyListener>>();
  let stream: AbortController | null = null;

  const deliver = ({ event, data }: ServerSentEvent): void => {
    const wanted = listeners.get(event);
    if (!wanted || wanted.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // not an event of ours
    }
    for (const listener of [...wanted]) listener(payload);
  };

  async function readOnce(signal: AbortSignal): Promise<void> {
    const response = await session.send((headers) => fetchImpl(EVENTS_ROUTE, { headers, credentials: 'omit', signal }));
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const parsed = parseServerSentEvents(buffered + value);
      buffered = parsed.rest;
      parsed.events.forEach(deliver);
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await readOnce(signal);
      } catch {
        // a dropped connection: try again below
      }
      if (signal.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECONNECT_MS);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  const listening = (): boolean => [...listeners.values()].some((set) => set.size > 0);

  return {
    on<E extends ReaderEventName>(event: E, listener: ReaderEventListener<E>): () => void {
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      const entry = listener as AnyListener;
      set.add(entry);
      if (!stream) {
        stream = new AbortController();
        void run(stream.signal);
      }
      return () => {
        set.delete(entry);
        if (!listening() && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}
