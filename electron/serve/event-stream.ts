/**
 * Browser mode's side of the contract's events: one Server-Sent Events stream per page
 * (`GET /api/events`, behind the same token as every other route). Each event is sent as
 * `event: <name>` with its payload as JSON; a comment every so often keeps proxies and idle
 * timeouts from closing a quiet stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { READER_EVENTS, type ReaderEventSource } from '../shared/contract';

const KEEP_ALIVE_MS = 20_000;
/** How soon the browser reconnects when the stream drops (the server restarted, say). */
const RETRY_MS = 2_000;

export function serveEventStream(request: IncomingMessage, response: ServerResponse, events: ReaderEventSource): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(`retry: ${RETRY_MS}\n\n`);
  const unsubscribe = READER_EVENTS.map((event) =>
    events.on(event, (payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = (): void => {
    clearInterval(keepAlive);
    for (const off of unsubscribe) off();
  };
  request.once('close', stop);
  response.once('close', stop);
}
