/**
 * Browser mode under load and attack, against the real server: the built CLI's
 * `quire serve` in its own process, so its memory is measured alone (the search worker is a
 * thread of that process and counts too).
 *
 * Load: rounds of 500 requests, 50 at a time over keep-alive connections, mixing searches, API
 * reads of whole articles and `/content/` file reads, plus hostile requests (no token, foreign
 * Host, foreign Origin) that must keep being refused while the server is busy. No request may
 * fail. Memory: RSS after three warm-up rounds and after eight more rounds (4,000 requests) must not
 * grow by more than 50 MB. Why that bound: RSS of a V8 process moves by tens of MB with no leak
 * at all (the young generation's semi-spaces, old-space growth before a major GC, the search
 * worker's caches filling), so a tighter bound would flake; a leak that matters keeps something
 * per request, and 4,000 requests retaining even 13 KB each (less than one search answer's JSON)
 * would already pass 50 MB.
 *
 * The token, Host and Origin checks themselves are tested in server.test.ts; this adds that the
 * socket is bound to 127.0.0.1 alone (not reachable at the machine's other addresses or ::1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentBaseOf, rawRequest } from '../../support/http';
import { SEED_FILE } from '../../support/corpus-paths';

const CLI = path.resolve('out/cli/index.js');
const SEED = SEED_FILE;
const ROUND = 500;
const CONCURRENT = 50;
const MEASURED_ROUNDS = 8;
const WARM_UP_ROUNDS = 3;
const GROWTH_LIMIT_MB = 50;
/**
 * The server's own heap is capped at this (its normal use is well under half): V8 then collects
 * instead of growing the heap between major GCs, which is most of RSS's noise, and a leak that
 * keeps something per request fills the cap and fails the run by itself.
 */
const HEAP_LIMIT_MB = 128;
const QUERIES = ['Iraq', 'security', 'quire', 'bookmark', 'relations Iran', 'note*', '"regional security"', 'title:welcome', 'librar~1', 'reading'];

let root: string;
let server: ChildProcess;
let port: number;
let token: string;
/** `/content/<key>`, as the API's answers tell the page */
let files: string;
let articleIds: string[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENT });

interface Answer {
  status: number;
  body: string;
}

function request(method: 'GET' | 'POST', urlPath: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method,
        path: urlPath,
        headers: {
          Host: `127.0.0.1:${port}`,
          'X-Quire-Token': token,
          ...(data === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const api = (method: string, args: unknown[]) => request('POST', `/api/${method}`, args);

/** The server process's resident memory, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** One request of the mix; returns what went wrong, or null. */
async function one(i: number): Promise<string | null> {
  const id = articleIds[i % articleIds.length]!;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3: {
      const query = QUERIES[i % QUERIES.length]!;
      const answer = await api('search', [query, { limit: 20 }]);
      const parsed = JSON.parse(answer.body) as { ok: boolean };
      return answer.status === 200 && parsed.ok ? null : `search ${query}: ${answer.status} ${answer.body.slice(0, 200)}`;
    }
    case 4:
    case 5: {
      const answer = await api('getContent', [id]);
      const parsed = JSON.parse(answer.body) as { ok: boolean; value?: { text: string } };
      return answer.status === 200 && parsed.ok && (parsed.value?.text.length ?? 0) > 0 ? null : `getContent: ${answer.status}`;
    }
    case 6: {
      const answer = await request('GET', `${files}/${id}/text.txt`, undefined);
      return answer.status === 200 && answer.body.length > 0 ? null : `/content text.txt: ${answer.status}`;
    }
    case 7: {
      const answer = await api('listArticles', []);
      return answer.status === 200 && (JSON.parse(answer.body) as { ok: boolean }).ok ? null : `listArticles: ${answer.status}`;
    }
    case 8: {
      // Attacks mixed into the load: each must be refused even while the server is busy.
      const kind = Math.floor(i / 10) % 3;
      const headers: Record<string, string> =
        kind === 0 ? { 'X-Quire-Token': '' } : kind === 1 ? { Host: `evil.example:${port}` } : { Origin: 'https://evil.example' };
      const answer = await request('POST', '/api/listArticles', [], headers);
      return answer.status === 403 ? null : `attack ${JSON.stringify(headers)} got ${answer.status}`;
    }
    default: {
      const answer = await api('getArticle', [id]);
      return answer.status === 200 && (JSON.parse(answer.body) as { ok: boolean }).ok ? null : `getArticle: ${answer.status}`;
    }
  }
}

/** ROUND requests, CONCURRENT at a time; every failure is collected. */
async function round(): Promise<{ failures: string[]; ms: number }> {
  const started = Date.now();
  const failures: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < ROUND) {
      const i = next++;
      const failure = await one(i).catch((error: unknown) => `request ${i} failed: ${String(error)}`);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT }, lane));
  return { failures, ms: Date.now() - started };
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'quire-load-'));
  const home = path.join(root, 'home');
  // A fresh library: the CLI adds the sample articles, so there is something to search and read.
  server = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, CLI, '--library', path.join(root, 'library'), 'serve', '--port', '0'], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), QUIRE_LIBRARY: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<URL>((resolve, reject) => {
    let stdout = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(new URL(match[1]!));
    });
    server.once('exit', (code) => reject(new Error(`quire serve exited (${code}): ${stderr}`)));
  });
  port = Number(url.port);
  token = url.searchParams.get('token')!;
  files = await contentBaseOf(port, token);
  // Through the API like the UI's upload (the seed article is also a sample: a duplicate is fine).
  const imported = await api('importDocument', [{ fileName: 'seed.txt', dataBase64: readFileSync(SEED).toString('base64') }]);
  expect(JSON.parse(imported.body)).toMatchObject({ ok: true });
  articleIds = (JSON.parse((await api('listArticles', [])).body) as { value: { id: string }[] }).value.map((a) => a.id);
  expect(articleIds.length).toBeGreaterThan(1);
}, 120_000);

afterAll(() => {
  agent.destroy();
  server?.kill('SIGTERM');
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('browser mode under load', () => {
  it(`answers ${ROUND * (MEASURED_ROUNDS + WARM_UP_ROUNDS)} requests (${CONCURRENT} at a time) without an error and without memory growth`, async () => {
    // Warm-up: the caches that fill on first use (the search worker's segments and answers, the
    // server's modules) are full before the baseline is taken.
    const warm = await round();
    expect(warm.failures).toEqual([]);
    for (let r = 0; r < WARM_UP_ROUNDS - 1; r += 1) expect((await round()).failures).toEqual([]);
    const baseline = rssMb(server.pid!);
    const times: number[] = [];
    const samples: number[] = [];
    for (let r = 0; r < MEASURED_ROUNDS; r += 1) {
      const { failures, ms } = await round();
      expect(failures, `round ${r + 1}`).toEqual([]);
      times.push(ms);
      samples.push(rssMb(server.pid!));
    }
    const growth = samples.at(-1)! - baseline;
    console.log(
      `load: ${ROUND} requests per round, ${CONCURRENT} concurrent; warm-up ${warm.ms} ms, rounds ${times.join(' / ')} ms; ` +
        `RSS after warm-up ${baseline.toFixed(1)} MB, after each round ${samples.map((s) => s.toFixed(1)).join(' / ')} MB (growth ${growth.toFixed(1)} MB)`,
    );
    expect(growth).toBeLessThan(GROWTH_LIMIT_MB);
  }, 240_000);

  it('listens on 127.0.0.1 alone: not at the machine’s other addresses, nor at ::1', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a!.address);
    for (const host of [...others, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port, timeout: 2000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, host).not.toBe('connected');
    }
    // …while the loopback address answers.
    expect((await rawRequest(port, { path: '/', headers: { 'X-Quire-Token': token } })).status).toBe(200);
  });
});
