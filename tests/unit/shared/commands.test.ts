import { describe, expect, it } from 'vitest';
import { isAppCommand, type AppCommand } from '../../../electron/shared/commands';

describe('desktop commands', () => {
  it('accepts every command in its documented shape', () => {
    const commands: AppCommand[] = [
      { type: 'import-files' },
      { type: 'import-folder' },
      { type: 'import-url' },
      { type: 'search' },
      { type: 'search', query: 'tigris' },
      { type: 'preferences' },
      { type: 'bookmark-selection' },
      { type: 'add-note' },
      { type: 'open-files', paths: ['/a.epub'] },
      { type: 'open-article', articleId: 'abc123', passage: null, annotationId: null },
      { type: 'open-article', articleId: 'abc123', passage: { start: 0, end: 9 }, annotationId: null },
      { type: 'open-article', articleId: 'abc123', passage: null, annotationId: 'ann-1' },
    ];
    for (const command of commands) expect(isAppCommand(command), JSON.stringify(command)).toBe(true);
  });

  it.each([
    null,
    'search',
    { type: 'quit' },
    { type: 'search', query: 5 },
    { type: 'open-files', paths: [] },
    { type: 'open-files', paths: [''] },
    { type: 'open-files', paths: 'a.epub' },
    { type: 'open-article', articleId: '', passage: null, annotationId: null },
    { type: 'open-article', articleId: 'a', passage: { start: 5, end: 1 }, annotationId: null },
    { type: 'open-article', articleId: 'a', passage: { start: -1, end: 1 }, annotationId: null },
    { type: 'open-article', articleId: 'a' },
  ])('refuses %j', (value) => {
    expect(isAppCommand(value)).toBe(false);
  });
});
