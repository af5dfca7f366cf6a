import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQuire, type QuireCore } from '../../../electron/core/open-quire';
import { createConfStore } from '../../../electron/core/settings/conf-store';
import { createQuireServer, type QuireServer } from '../../../electron/serve/server';
import { rawRequest } from '../../support/http';
import { SEED_FILE } from '../../support/corpus-paths';

const SEED = SEED_FILE;

interface StreamedEvent {
  event: string;
  data: unknown;
}

/** Opens `GET /api/events` and collects events until `until` says stop. */
function readEvents(port: number, token: string, until: (event: StreamedEvent) => boolean) {
  let opened: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const done = new Promise<{ status: number; contentType: string | undefined; events: StreamedEvent[] }>((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/api/events', agent: false, headers: { Host: `127.0.0.1:${port}`, 'X-Quire-Token': token } },
      (response) => {
        const events: StreamedEvent[] = [];
        let buffer = '';
        opened();
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (name === undefined || data === undefined) continue;
            const event = { event: name, data: JSON.parse(data) as unknown };
            events.push(event);
            if (until(event)) {
              request.destroy();
              resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], events });
            }
          }
        });
      },
    );
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
  return { ready, done };
}

describe('browser mode events (Server-Sent Events)', () => {
  let root: string;
  let core: QuireCore;
  let server: QuireServer;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-sse-'));
    core = await openQuire({
      libraryDir: path.join(root, 'library'),
      cacheDir: path.join(root, 'cache'),
      settings: createConfStore(path.join(root, 'config')),
      log: () => {},
    });
    server = await createQuireServer({ core, events: core.events, rendererDir: root, libraryDir: () => core.libraryDir });
  });

  afterAll(async () => {
    await server?.close();
    await core?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('streams the progress and the summary of an import started through the API', async () => {
    const stream = readEvents(server.port, server.token, (event) => event.event === 'import-finished');
    await stream.ready;
    const started = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/startImport',
      headers: { 'X-Quire-Token': server.token, 'Content-Type': 'application/json', Origin: server.origin },
      body: JSON.stringify([[SEED, path.join(root, 'missing.txt')]]),
    });
    const { value } = JSON.parse(started.body) as { value: { jobId: string } };

    const { status, contentType, events } = await stream.done;
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(events[0]).toMatchObject({ event: 'import-progress', data: { jobId: value.jobId, done: 0 } });
    const summary = events.at(-1)!.data;
    expect(summary).toMatchObject({
      jobId: value.jobId,
      cancelled: false,
      counts: { imported: 1, duplicates: 0, failed: 1 },
      failed: [{ source: path.join(root, 'missing.txt'), reason: 'The file does not exist.' }],
    });
  });

  it('refuses the stream without the token header, a cookie with the token included', async () => {
    const response = await rawRequest(server.port, { path: '/api/events' });
    expect(response.status).toBe(403);
    const byCookie = await rawRequest(server.port, { path: '/api/events', headers: { Cookie: `quire_token=${server.token}` } });
    expect(byCookie.status).toBe(403);
  });
});
