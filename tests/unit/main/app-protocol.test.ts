import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';
import { handleAppProtocol } from '../../../electron/main/app-protocol';
import { fake } from '../../support/fake-electron';

describe('quire-app: protocol', () => {
  let rendererDir: string;
  beforeEach(() => {
    rendererDir = mkdtempSync(path.join(tmpdir(), 'quire-app-protocol-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Quire</title>');
  });
  afterEach(() => rmSync(rendererDir, { recursive: true, force: true }));

  const serve = (log = vi.fn()) => {
    handleAppProtocol(fake.protocol as unknown as Protocol, rendererDir, log);
    const handler = fake.protocol.handlers.get('quire-app')!;
    return (url: string) => Promise.resolve(handler(new Request(url)));
  };

  it('serves the renderer build at quire-app://app/', async () => {
    const response = await serve()('quire-app://app/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Quire</title>');
  });

  it('answers only on its own host', async () => {
    const response = await serve()('quire-app://elsewhere/index.html');
    expect(response.status).toBe(404);
  });

  it('answers a path the file system cannot resolve (a symlink loop) with 404, and logs nothing', async () => {
    const log = vi.fn();
    // A symlink that points at itself: resolving it fails with ELOOP, for any user.
    symlinkSync('loop.js', path.join(rendererDir, 'loop.js'));
    const response = await serve(log)('quire-app://app/loop.js');
    expect(response.status).toBe(404);
    expect(log).not.toHaveBeenCalled();
  });
});
