import { beforeEach, describe, expect, it, vi } from 'vitest';
import { READER_METHODS } from '../../../electron/shared/contract';
import { fake } from '../../support/fake-electron';

async function loadPreload(): Promise<Record<string, unknown>> {
  await import('../../../electron/preload/index');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  return fake.contextBridge.exposed.get('quire') as Record<string, unknown>;
}

describe('preload', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('exposes exactly the contract methods, `on` for its events and the desktop bridge as window.quire, and nothing else', async () => {
    await loadPreload();
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['quire']);
    const api = fake.contextBridge.exposed.get('quire') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...READER_METHODS, 'on', 'onCommand', 'chooseImportPaths', 'onFlushRequest', 'libraryFolder', 'changeLibraryFolder'].sort());
    for (const method of READER_METHODS) expect(typeof api[method], method).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('never hands over ipcRenderer or a generic invoke', async () => {
    const api = await loadPreload();
    const values = Object.values(api);
    expect(values).not.toContain(fake.ipcRenderer);
    expect(values).not.toContain(fake.ipcRenderer.invoke);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it('sends each call to its own quire: channel with its arguments', async () => {
    const api = (await loadPreload()) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const result = await api.search!('Fuad Hussein', { limit: 5 });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('quire:search', 'Fuad Hussein', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { channel: 'quire:search', args: ['Fuad Hussein', { limit: 5 }] } });
    await api.listArticles!();
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('quire:listArticles');
  });

  it('subscribes only to contract events, hands the page the payload alone, and unsubscribes', async () => {
    const api = (await loadPreload()) as { on: (event: string, listener: (payload: unknown) => void) => () => void };
    const received: unknown[] = [];
    const off = api.on('import-progress', (payload) => received.push(payload));
    const [channel, forward] = fake.ipcRenderer.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('quire-event:import-progress');
    forward({ sender: 'the ipcRenderer event' }, { jobId: 'j', done: 1 });
    expect(received).toEqual([{ jobId: 'j', done: 1 }]);

    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith('quire-event:import-progress', forward);
    expect(() => api.on('quire:deleteArticle', () => {})).toThrow('"quire:deleteArticle" is not a Quire event.');
  });

  it('delivers only well-formed commands from the command channel, says it listens, and unsubscribes', async () => {
    const api = (await loadPreload()) as { onCommand: (listener: (command: unknown) => void) => () => void };
    const received: unknown[] = [];
    const off = api.onCommand((command) => received.push(command));
    expect(fake.ipcRenderer.send).toHaveBeenCalledWith('quire-command:ready');
    const [channel, forward] = fake.ipcRenderer.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('quire-command');
    forward({}, { type: 'open-article', articleId: 'abc123', passage: { start: 1, end: 4 }, annotationId: null });
    forward({}, { type: 'open-files', paths: [] });
    forward({}, { type: 'run-shell', command: 'rm -rf /' });
    forward({}, 'search');
    expect(received).toEqual([{ type: 'open-article', articleId: 'abc123', passage: { start: 1, end: 4 }, annotationId: null }]);
    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith('quire-command', forward);
  });

  it('asks main for the native import dialog on its own channel, only for files or a folder', async () => {
    const api = (await loadPreload()) as { chooseImportPaths: (kind: string) => Promise<string[]> };
    fake.ipcRenderer.invoke.mockResolvedValueOnce(['/docs/a.epub', 42] as never);
    expect(await api.chooseImportPaths('files')).toEqual(['/docs/a.epub']);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('quire-desktop:choose-import', 'files');
    expect(await api.chooseImportPaths('/etc')).toEqual([]);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('asks main to move or switch the library only with a known change, and passes on only a well-formed outcome', async () => {
    const api = (await loadPreload()) as { changeLibraryFolder: (change: string) => Promise<unknown> };
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ status: 'restarting', libraryDir: '/home/ana/Sync/Quire' } as never);
    expect(await api.changeLibraryFolder('move')).toEqual({ status: 'restarting', libraryDir: '/home/ana/Sync/Quire' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('quire-desktop:change-library-folder', 'move');
    expect(await api.changeLibraryFolder('delete')).toEqual({ status: 'cancelled' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ status: 'restarting' } as never);
    expect(await api.changeLibraryFolder('open')).toEqual({
      status: 'refused',
      reason: 'Quire could not change the library folder.',
      sentence: { id: 'core.library.changeFailed', values: {} },
    });
  });

  it('answers main’s save request with its number, after the page’s flush, even without one', async () => {
    const api = (await loadPreload()) as { onFlushRequest: (flush: () => Promise<void>) => void };
    const [channel, request] = fake.ipcRenderer.on.mock.calls.find(([name]) => name === 'quire-desktop:flush') as [
      string,
      (event: unknown, id: unknown) => void,
    ];
    expect(channel).toBe('quire-desktop:flush');
    request({}, 1);
    expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith('quire-desktop:flushed', 1);

    let finishSaving: () => void = () => {};
    api.onFlushRequest(() => new Promise<void>((resolve) => (finishSaving = resolve)));
    request({}, 2);
    await Promise.resolve();
    expect(fake.ipcRenderer.send).not.toHaveBeenCalledWith('quire-desktop:flushed', 2);
    finishSaving();
    await vi.waitFor(() => expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith('quire-desktop:flushed', 2));

    api.onFlushRequest(() => Promise.reject(new Error('disk full')));
    request({}, 3);
    await vi.waitFor(() => expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith('quire-desktop:flushed', 3));
  });
});
