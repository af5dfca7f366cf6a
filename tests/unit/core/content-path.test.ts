import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  contentTypeFor,
  decodeRelativePath,
  isInside,
  resolveArticleFile,
} from '../../../electron/core/content-path';
import { ARTICLE_ID, createTempLibrary, type TempLibrary } from '../../support/temp-library';

describe('isInside', () => {
  it('is true only strictly below the root', () => {
    expect(isInside('/lib/a', '/lib/a/x.png')).toBe(true);
    expect(isInside('/lib/a', '/lib/a/sub/x.png')).toBe(true);
    expect(isInside('/lib/a', '/lib/a')).toBe(false);
    expect(isInside('/lib/a', '/lib/ab/x.png')).toBe(false);
    expect(isInside('/lib/a', '/lib/x.png')).toBe(false);
    expect(isInside('/lib/a', '/etc/passwd')).toBe(false);
    expect(isInside('/lib/a', '/lib/a/..x')).toBe(true);
  });
});

describe('decodeRelativePath', () => {
  it('decodes ordinary paths', () => {
    expect(decodeRelativePath('assets/a%20b.png')).toEqual({ ok: true, segments: ['assets', 'a b.png'] });
    expect(decodeRelativePath('assets/%E6%97%A5%E6%9C%AC.png')).toEqual({ ok: true, segments: ['assets', '日本.png'] });
  });

  it.each([
    ['../secret.txt'],
    ['assets/../../x'],
    ['%2e%2e%2fsecret.txt'],
    ['%2e%2e/%2e%2e/secret.txt'],
    ['assets%2f..%2f..%2fsecret.txt'],
    ['..%5csecret.txt'],
    ['/etc/passwd'],
    ['%2Fetc%2Fpasswd'],
    ['C:%5CWindows%5Cwin.ini'],
    ['assets//pic.png'],
    ['./text.txt'],
    ['text.txt%00.png'],
  ])('refuses %s', (encoded) => {
    expect(decodeRelativePath(encoded)).toMatchObject({ ok: false, status: 403 });
  });

  it('says a broken percent-encoding is a bad request', () => {
    expect(decodeRelativePath('assets/%E6%97.png')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('resolveArticleFile', () => {
  let library: TempLibrary;
  beforeEach(() => {
    library = createTempLibrary();
  });
  afterEach(() => library.cleanup());

  it('finds a file of the article, with its content type', async () => {
    const found = await resolveArticleFile(library.libraryDir, ARTICLE_ID, 'assets/a%20b.png');
    expect(found).toEqual({ ok: true, filePath: path.join(library.articleDir, 'assets', 'a b.png'), contentType: 'image/png' });
  });

  it('follows a symlink that stays inside the article folder', async () => {
    const found = await resolveArticleFile(library.libraryDir, ARTICLE_ID, 'assets/inner.png');
    expect(found).toMatchObject({ ok: true, filePath: path.join(library.articleDir, 'assets', 'pic.png') });
  });

  it.each([
    ['a symlink to a file outside', 'assets/leak.txt'],
    ['a path through a symlinked folder outside', 'assets/escape/secret.txt'],
    ['..', '../../../secret.txt'],
    ['encoded ../', '%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['another article', `..%2f${'b1b2c3d4e5f60718'}%2ftext.txt`],
    ['an absolute path', '%2Fetc%2Fpasswd'],
  ])('refuses %s with 403', async (_label, encoded) => {
    expect(await resolveArticleFile(library.libraryDir, ARTICLE_ID, encoded)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 404 for a missing file, a folder, an unknown article and a malformed id', async () => {
    expect(await resolveArticleFile(library.libraryDir, ARTICLE_ID, 'assets/none.png')).toMatchObject({ status: 404 });
    expect(await resolveArticleFile(library.libraryDir, ARTICLE_ID, 'assets')).toMatchObject({ status: 404 });
    expect(await resolveArticleFile(library.libraryDir, 'c1b2c3d4e5f60718', 'text.txt')).toMatchObject({ status: 404 });
    expect(await resolveArticleFile(library.libraryDir, '..', 'secret.txt')).toMatchObject({ status: 404 });
    expect(await resolveArticleFile(library.libraryDir, 'A B', 'text.txt')).toMatchObject({ status: 404 });
  });
});

describe('contentTypeFor', () => {
  it('types images and documents, and serves scripts as plain bytes', () => {
    expect(contentTypeFor('x.PNG')).toBe('image/png');
    expect(contentTypeFor('x.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('x.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.js')).toBe('application/octet-stream');
    expect(contentTypeFor('x.mjs')).toBe('application/octet-stream');
    expect(contentTypeFor('noextension')).toBe('application/octet-stream');
  });
});
