/**
 * The command line finds its command and library before commander is loaded (early-search.ts), to
 * start the search index or read the library ahead. It must find the library the command will use
 * wherever the user wrote `--library`, or it reads another library (the desktop app's) for nothing.
 */
import { describe, expect, it } from 'vitest';
import { commandOf } from '../../../electron/cli/early-search';

describe('the command and library found before the command line loads', () => {
  it('finds --library before the command, in either spelling', () => {
    expect(commandOf(['--library', '/lib', 'list'])).toEqual({ command: 'list', libraryFlag: '/lib' });
    expect(commandOf(['--library=/lib', 'search', 'kernel'])).toEqual({ command: 'search', libraryFlag: '/lib' });
  });

  it('finds --library after the command and its arguments, as commander takes it', () => {
    expect(commandOf(['list', '--library', '/lib'])).toEqual({ command: 'list', libraryFlag: '/lib' });
    expect(commandOf(['search', 'harbour pilots', '--limit', '5', '--library=/lib'])).toEqual({ command: 'search', libraryFlag: '/lib' });
  });

  it('takes the last --library when there are several', () => {
    expect(commandOf(['--library', '/first', 'list', '--library', '/second'])).toEqual({ command: 'list', libraryFlag: '/second' });
  });

  it('does not take a library folder named like a command for the command', () => {
    expect(commandOf(['--library', 'search', 'list'])).toEqual({ command: 'list', libraryFlag: 'search' });
  });

  it('stops at --: what follows is an argument, never the flag', () => {
    expect(commandOf(['note', 'a1', '--', '--library', '/lib'])).toEqual({ command: 'note', libraryFlag: undefined });
  });

  it('finds no command where there is none', () => {
    expect(commandOf(['--help'])).toEqual({ command: undefined, libraryFlag: undefined });
    expect(commandOf([])).toEqual({ command: undefined, libraryFlag: undefined });
  });
});
