/**
 * The names synchronizers give conflict copies, as each writes them: Syncthing's
 * (`<name>.sync-conflict-<date>-<time>-<device>.<ext>`, also produced by the real daemons in
 * syncthing.test.ts), Dropbox's, Nextcloud's, OneDrive's, iCloud Drive's and Google Drive's; and the names Quire itself writes,
 * which must never be taken for one.
 */
import { describe, expect, it } from 'vitest';
import { parseConflictName } from '../../../../../electron/core/library/sync/conflict-names';

const NOTE = '3f2a8c1e-7b4d-4e2a-9c1f-0a1b2c3d4e5f';

describe('conflict copy names', () => {
  it.each([
    ['article.sync-conflict-20261203-101500-ABCDEFG.json', 'article.json', 'syncthing'],
    [`${NOTE}.sync-conflict-20261203-235959-Q7RZ2KX.json`, `${NOTE}.json`, 'syncthing'],
    ['text.sync-conflict-20250101-000000-MFZWI3D.txt', 'text.txt', 'syncthing'],
    ["article (Ada Lovelace's conflicted copy 2026-12-03).json", 'article.json', 'dropbox'],
    ["content (Ada's conflicted copy 2026-12-03 (1)).html", 'content.html', 'dropbox'],
    ['article (conflicted copy 2026-12-03 101500).json', 'article.json', 'nextcloud'],
    [`${NOTE} (conflicted copy 2026-12-03 101500).json`, `${NOTE}.json`, 'nextcloud'],
    ['article-DESKTOP-4F2K9QL.json', 'article.json', 'onedrive'],
    [`${NOTE}-LAPTOP.json`, `${NOTE}.json`, 'onedrive'],
    ['text-laptop.txt', 'text.txt', 'onedrive'],
    ['article.sync-conflict-20161203-101500.json', 'article.json', 'syncthing'],
    ['article_conflict-20261203-101500.json', 'article.json', 'nextcloud'],
    ['article 2.json', 'article.json', 'icloud'],
    [`${NOTE} 3.json`, `${NOTE}.json`, 'icloud'],
    ['content (1).html', 'content.html', 'google-drive'],
  ])('%s is a copy of %s (%s)', (name, original, synchronizer) => {
    expect(parseConflictName(name)).toEqual({ original, synchronizer });
  });

  it('a copy of a copy names the first original', () => {
    expect(parseConflictName('article.sync-conflict-20261203-101500-ABCDEFG.sync-conflict-20261203-101501-HIJKLMN.json')?.original).toBe('article.json');
  });

  it.each([
    'article.json',
    'content.html',
    'text.txt',
    `${NOTE}.json`,
    'original.pdf',
    'article.json.3141592653',
    '.syncthing.article.json.tmp',
    'my-notes.json',
    'article-draft.html',
    'assets',
    'photo 2.png',
    'report (1).pdf',
    'original 2.pdf',
  ])('%s is not a conflict copy', (name) => {
    expect(parseConflictName(name)).toBeNull();
  });
});
