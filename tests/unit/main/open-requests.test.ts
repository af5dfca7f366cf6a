import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../electron/shared/commands';
import { createOpenRequests } from '../../../electron/main/open-requests';

function setup(existing: string[] = []) {
  const sent: AppCommand[] = [];
  const timers: (() => void)[] = [];
  const options = {
    send: (command: AppCommand) => sent.push(command),
    showWindow: vi.fn(),
    isFile: (file: string) => existing.includes(file),
    log: vi.fn(),
    setTimer: (callback: () => void) => timers.push(callback),
  };
  const runTimers = () => {
    for (const timer of timers.splice(0)) timer();
  };
  return { requests: createOpenRequests(options), sent, options, runTimers };
}

describe('open requests (Open with Quire, second launch, quire:// links)', () => {
  it('gathers files arriving together into one open-files command and brings the window forward', () => {
    const a = path.resolve('/docs/a.epub');
    const b = path.resolve('/docs/b.md');
    const { requests, sent, options, runTimers } = setup([a, b]);
    requests.openFile(a);
    requests.openFile(b);
    requests.openFile(a);
    expect(sent).toEqual([]);
    runTimers();
    expect(sent).toEqual([{ type: 'open-files', paths: [a, b] }]);
    expect(options.showWindow).toHaveBeenCalledTimes(1);
  });

  it('reads a second launch’s argv: existing files and valid links; missing files are logged', () => {
    const cwd = path.resolve('/home/me');
    const book = path.join(cwd, 'book.epub');
    const { requests, sent, options, runTimers } = setup([book]);
    requests.openArgv(['quire', '--flag', 'book.epub', 'gone.txt', 'quire://article/abc123?passage=4-9'], cwd);
    runTimers();
    expect(sent).toEqual([
      { type: 'open-article', articleId: 'abc123', passage: { start: 4, end: 9 }, annotationId: null },
      { type: 'open-files', paths: [book] },
    ]);
    expect(options.log).toHaveBeenCalledWith(expect.stringContaining('gone.txt is not a file'));
  });

  it('ignores a malformed link with a log line and sends nothing', () => {
    const { requests, sent, options } = setup();
    requests.openLink('quire://article/../../etc/passwd');
    requests.openLink('javascript:alert(1)');
    expect(sent).toEqual([]);
    expect(options.showWindow).not.toHaveBeenCalled();
    expect(options.log).toHaveBeenCalledTimes(2);
    expect(options.log.mock.calls[0]?.[0]).toMatch(/^Ignored a quire:\/\/ link \(/);
  });
});
