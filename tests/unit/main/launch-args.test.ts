import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../electron/main/launch-args';

const cwd = path.resolve('/home/reader');

describe('launch arguments', () => {
  it('takes importable files (resolved against the working directory) and quire: links, in order', () => {
    const argv = ['/opt/Quire/quire', 'book.epub', '/tmp/page.HTML', 'quire://article/abc123?passage=1-5', 'notes/todo.md'];
    expect(parseLaunchArgs(argv, cwd)).toEqual({
      files: [path.join(cwd, 'book.epub'), path.resolve('/tmp/page.HTML'), path.join(cwd, 'notes', 'todo.md')],
      links: ['quire://article/abc123?passage=1-5'],
    });
  });

  it('skips the executable, switches (Chromium adds its own to a second launch) and the app script', () => {
    const argv = [
      '/usr/lib/electron/electron',
      '--allow-file-access-from-files',
      '--original-process-start-time=1327',
      'out/main/index.js',
      '.',
      'paper.pdf',
    ];
    expect(parseLaunchArgs(argv, cwd)).toEqual({ files: [path.join(cwd, 'paper.pdf')], links: [] });
  });

  it('reads file: URLs (Linux desktop entries pass %U) and names after -- even when they start with a dash', () => {
    const file = path.resolve('/home/reader/My Book.epub');
    const argv = ['quire', pathToFileURL(file).href, '--', '-draft.txt'];
    expect(parseLaunchArgs(argv, cwd).files).toEqual([file, path.join(cwd, '-draft.txt')]);
  });

  it('ignores unsupported types and repeats', () => {
    expect(parseLaunchArgs(['quire', 'a.exe', 'b.txt', 'b.txt', 'noext', '.hidden'], cwd).files).toEqual([path.join(cwd, 'b.txt')]);
  });
});
