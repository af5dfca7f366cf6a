/**
 * importUrl as an attacker's page would use it: the page itself, its images and its redirects
 * must not reach loopback, unspecified or link-local addresses, however the address is written
 * or resolved; private LAN addresses stay allowed. Names are answered by a stub resolver, and the
 * servers are on this machine: nothing leaves it.
 */
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFromUrl } from '../../../../electron/core/importers/fetch-url';
import { checkedLookup, createWebFetch, refusedAddressKind } from '../../../../electron/core/importers/web-fetch';
import { isQuireError } from '../../../../electron/shared/result';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEUlEQVR4nGP8z8DwnwEJMKFzADUKAgHQ3e5BAAAAAElFTkSuQmCC', 'base64');
const paragraph = 'Notes from the shared wiki on the office NAS, kept for reading later at home. '.repeat(8);

/**
 * A non-loopback IPv4 address of this machine (a LAN address), used only when QUIRE_LAN_TESTS=1:
 * those tests talk to a private-range address, which shared test machines may not allow even
 * when it is their own. Without it, the same decisions are checked on the lookup itself below.
 */
const lanAddress =
  process.env.QUIRE_LAN_TESTS === '1'
    ? Object.values(networkInterfaces())
        .flat()
        .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address
    : undefined;

/** Every request the loopback server (the "local service" an attacker aims at) ever received. */
const loopbackHits: string[] = [];
let loopback: Server;
let loopbackPort = 0;
let lan: Server | null = null;
let lanBase = '';

const page = (imageSrc: string): string =>
  `<!doctype html><html lang="en"><head><title>Wiki page</title></head><body><article><h1>Wiki page</h1>
<p>${paragraph}</p><img src="${imageSrc}" alt="A diagram"><p>${paragraph}</p></article></body></html>`;

beforeAll(async () => {
  loopback = createServer((request, response) => {
    loopbackHits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(page('/x.png'));
  });
  await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
  loopbackPort = (loopback.address() as AddressInfo).port;
  if (lanAddress === undefined) return;
  lan = createServer((request, response) => {
    const url = request.url ?? '';
    if (url.startsWith('/redirect?to=')) {
      response.writeHead(302, { location: decodeURIComponent(url.slice('/redirect?to='.length)) });
      return response.end();
    }
    if (url === '/diagram.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      return response.end(PNG);
    }
    if (url.startsWith('/page-with-image?src=')) {
      response.writeHead(200, { 'content-type': 'text/html' });
      return response.end(page(decodeURIComponent(url.slice('/page-with-image?src='.length))));
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(page('/diagram.png'));
  });
  await new Promise<void>((resolve) => lan!.listen(0, lanAddress, resolve));
  lanBase = `http://nas.test:${(lan.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const server of [loopback, lan]) {
    if (!server) continue;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The stub resolver: names the tests use, and nothing else resolves. */
function resolver(extra: Record<string, string[]> = {}) {
  const names: Record<string, string[]> = {
    localhost: ['127.0.0.1', '::1'],
    'nas.test': lanAddress === undefined ? [] : [lanAddress],
    'metadata.test': ['169.254.169.254'],
    // A name that answers with a LAN address and a loopback one: the connection could take either.
    'mixed.test': lanAddress === undefined ? ['127.0.0.1'] : [lanAddress, '127.0.0.1'],
    ...extra,
  };
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const found = names[hostname];
    if (!found || found.length === 0) throw Object.assign(new Error(`stub resolver: ${hostname} unknown`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

async function refusal(address: string, resolve = resolver().resolve): Promise<string> {
  try {
    await importFromUrl(address, { fetch: createWebFetch({ resolve }), timeoutMs: 5_000 });
  } catch (error) {
    if (isQuireError(error)) return error.message;
    throw error;
  }
  throw new Error(`${address} was imported`);
}

const LOOPBACK = 'it is a loopback address (this computer), which a web page must not be able to reach.';
const UNSPECIFIED = 'it is an unspecified address (this computer), which a web page must not be able to reach.';
const LINK_LOCAL = 'it is a link-local address (such as a cloud metadata service), which a web page must not be able to reach.';

describe('importUrl refuses this computer and link-local addresses', () => {
  it('refuses loopback, unspecified and link-local addresses however they are written, before connecting', async () => {
    const port = loopbackPort;
    expect(await refusal(`http://127.0.0.1:${port}/`)).toBe(`Quire does not fetch from 127.0.0.1: ${LOOPBACK}`);
    expect(await refusal(`http://localhost:${port}/`)).toBe(`Quire does not fetch from localhost (127.0.0.1): ${LOOPBACK}`);
    expect(await refusal(`http://2130706433:${port}/`)).toBe(`Quire does not fetch from 127.0.0.1: ${LOOPBACK}`);
    expect(await refusal(`http://0x7f.1:${port}/`)).toBe(`Quire does not fetch from 127.0.0.1: ${LOOPBACK}`);
    expect(await refusal(`http://[::1]:${port}/`)).toBe(`Quire does not fetch from [::1] (::1): ${LOOPBACK}`);
    expect(await refusal(`http://[::ffff:127.0.0.1]:${port}/`)).toBe(`Quire does not fetch from [::ffff:7f00:1] (::ffff:7f00:1): ${LOOPBACK}`);
    expect(await refusal(`http://0.0.0.0:${port}/`)).toBe(`Quire does not fetch from 0.0.0.0: ${UNSPECIFIED}`);
    expect(await refusal('http://169.254.169.254/latest/meta-data/')).toBe(`Quire does not fetch from 169.254.169.254: ${LINK_LOCAL}`);
    expect(await refusal('http://metadata.test/latest/meta-data/')).toBe(`Quire does not fetch from metadata.test (169.254.169.254): ${LINK_LOCAL}`);
    expect(await refusal(`http://mixed.test:${port}/`)).toMatch(/^Quire does not fetch from mixed\.test \(127\.0\.0\.1\): it is a loopback address/);
    expect(loopbackHits).toEqual([]);
  });

  it('keeps private LAN addresses allowed, and knows the ranges it refuses', () => {
    for (const allowed of ['192.168.1.20', '10.0.0.5', '172.16.4.2', 'fd00::2', '93.184.215.14', '2606:4700::1111']) expect(refusedAddressKind(allowed)).toBeNull();
    for (const refused of ['127.0.0.1', '127.255.0.9', '::1', '0.0.0.0', '::', '169.254.169.254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::127.0.0.1']) {
      expect(refusedAddressKind(refused)).not.toBeNull();
    }
  });

  it('hands a connection only the addresses it checked, and checks a name again at each connection', async () => {
    const lookupOf = (resolve: (hostname: string) => Promise<LookupAddress[]>) => {
      const lookup = checkedLookup(resolve);
      return (hostname: string) =>
        new Promise<{ address?: string; refusal?: string }>((done) => {
          lookup(hostname, { family: 0 }, (error, address) => {
            done(error ? { refusal: error.message } : { address: String(address) });
          });
        });
    };
    const lan = lookupOf(resolver({ 'nas.test': ['192.168.1.20'] }).resolve);
    expect(await lan('nas.test')).toEqual({ address: '192.168.1.20' });
    expect((await lan('metadata.test')).refusal).toBe(`Quire does not fetch from metadata.test (169.254.169.254): ${LINK_LOCAL}`);
    expect((await lookupOf(resolver({ 'mixed.test': ['192.168.1.20', '127.0.0.1'] }).resolve)('mixed.test')).refusal).toMatch(
      /^Quire does not fetch from mixed\.test \(127\.0\.0\.1\): it is a loopback address/,
    );
    let answers = 0;
    const rebinding = lookupOf(async () => [{ address: (answers += 1) === 1 ? '192.168.1.20' : '127.0.0.1', family: 4 }]);
    expect(await rebinding('rebind.test')).toEqual({ address: '192.168.1.20' });
    expect((await rebinding('rebind.test')).refusal).toMatch(/^Quire does not fetch from rebind\.test \(127\.0\.0\.1\)/);
  });

  describe.skipIf(lanAddress === undefined)('through a server on this machine’s LAN address (QUIRE_LAN_TESTS=1)', () => {
    it('imports a page and its image from a private LAN address (resolved by name)', async () => {
      const { resolve, asked } = resolver();
      const { document } = await importFromUrl(`${lanBase}/wiki`, { fetch: createWebFetch({ resolve }) });
      expect(document.title).toBe('Wiki page');
      expect(document.assets).toHaveLength(1);
      expect(asked).toContain('nas.test');
    });

    it('refuses a redirect to loopback, written as an address or as a name', async () => {
      const to = (target: string) => `${lanBase}/redirect?to=${encodeURIComponent(target)}`;
      expect(await refusal(to(`http://127.0.0.1:${loopbackPort}/`))).toBe(`Quire does not fetch from 127.0.0.1: ${LOOPBACK}`);
      expect(await refusal(to(`http://localhost:${loopbackPort}/`))).toBe(`Quire does not fetch from localhost (127.0.0.1): ${LOOPBACK}`);
      expect(await refusal(to(`http://[::1]:${loopbackPort}/`))).toBe(`Quire does not fetch from [::1] (::1): ${LOOPBACK}`);
      expect(await refusal(to('http://169.254.169.254/latest/meta-data/'))).toBe(`Quire does not fetch from 169.254.169.254: ${LINK_LOCAL}`);
      expect(loopbackHits).toEqual([]);
    });

    it('does not download an image from loopback or link-local: it keeps its alt text', async () => {
      for (const src of [`http://127.0.0.1:${loopbackPort}/x.png`, `http://localhost:${loopbackPort}/x.png`, 'http://169.254.169.254/x.png', `${lanBase}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${loopbackPort}/x.png`)}`]) {
        const { document } = await importFromUrl(`${lanBase}/page-with-image?src=${encodeURIComponent(src)}`, { fetch: createWebFetch({ resolve: resolver().resolve }) });
        expect(document.assets).toEqual([]);
        expect(document.text).toContain('A diagram');
      }
      expect(loopbackHits).toEqual([]);
    });

    it('checks the name each time it connects: a name that rebinds to loopback after the first answer is refused', async () => {
      let answers = 0;
      const { resolve } = resolver();
      const rebinding = async (hostname: string): Promise<LookupAddress[]> => {
        if (hostname !== 'rebind.test') return resolve(hostname);
        answers += 1;
        return [{ address: answers === 1 ? lanAddress! : '127.0.0.1', family: 4 }];
      };
      const port = (lan!.address() as AddressInfo).port;
      // The page is on rebind.test (a LAN address at first); its image is on the same name, on the
      // loopback server's port, so it needs a new connection and a new answer: loopback.
      const src = `http://rebind.test:${loopbackPort}/x.png`;
      const { document } = await importFromUrl(`http://rebind.test:${port}/page-with-image?src=${encodeURIComponent(src)}`, {
        fetch: createWebFetch({ resolve: rebinding }),
      });
      expect(document.title).toBe('Wiki page');
      expect(document.assets).toEqual([]);
      expect(answers).toBeGreaterThanOrEqual(2);
      expect(loopbackHits).toEqual([]);
    });
  });
});
