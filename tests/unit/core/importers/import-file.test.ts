import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { importFile } from '../../../../electron/core/importers/import-file';
import { isQuireError } from '../../../../electron/shared/result';
import { SEED_FILE, SEED_TITLE } from '../support/corpus';

const PNG = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000001f15c4889', 'hex');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

async function importError(fileName: string, bytes: Uint8Array): Promise<{ code: string; message: string }> {
  try {
    await importFile({ fileName, bytes });
  } catch (error) {
    if (isQuireError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${fileName} was imported`);
}

const invariantHolds = (html: string, text: string): boolean => parseFragment(html).textContent === text;

describe('plain text', () => {
  it('imports the seed article with its headline as title and every other line a paragraph', async () => {
    const source = readFileSync(SEED_FILE, 'utf8');
    const { format, document } = await importFile({ fileName: '000_db403d933cbeb736.txt', bytes: readFileSync(SEED_FILE) });
    expect(format).toBe('txt');
    expect(document.title).toBe(SEED_TITLE);
    const lines = source.split('\n').map((l) => l.trim()).filter(Boolean);
    // The second headline and the "Read more:" line stay, as paragraphs.
    expect(document.text).toBe(lines.slice(1).join('\n'));
    expect(document.text).toContain('\nRead more: Iran Amb. to Iraq dismisses claims of land operation in Kurdistan');
    expect(document.html.match(/<p>/g)).toHaveLength(lines.length - 1);
    // The library list shows the lead paragraph under the title.
    expect(document.excerpt).toMatch(/^Iraqi Foreign Minister Fuad Hussein confirms that his country's relations with Tehran are "strong"/);
    expect(document.excerpt!.length).toBeLessThanOrEqual(241);
    expect(invariantHolds(document.html, document.text)).toBe(true);
  });

  it('escapes markup in text instead of rendering it', async () => {
    const { document } = await importFile({ fileName: 'x.txt', bytes: utf8('Title\n<script>alert(1)</script> & <b>bold</b>') });
    expect(document.html).not.toContain('<script');
    expect(document.text).toBe('<script>alert(1)</script> & <b>bold</b>');
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 text', async () => {
    const bom = await importFile({ fileName: 'a.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Café\nBody')]) });
    expect(bom.document.title).toBe('Café');
    const utf16 = await importFile({ fileName: 'b.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Überschrift\nText', 'utf16le')]) });
    expect(utf16.document.title).toBe('Überschrift');
    expect(utf16.document.text).toBe('Text');
  });

  it('reads older single-byte text (Windows-1252)', async () => {
    const { document } = await importFile({ fileName: 'old.txt', bytes: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x4f, 0x6b]) });
    expect(document.title).toBe('Café');
  });

  it('marks Arabic text right-to-left', async () => {
    const { document } = await importFile({ fileName: 'ar.txt', bytes: utf8('عنوان المقال\nهذا نص عربي قصير.') });
    expect(document.dir).toBe('rtl');
  });
});

describe('Markdown', () => {
  it('takes the title from the first level-1 heading and removes it from the text', async () => {
    const { format, document } = await importFile({ fileName: 'notes.md', bytes: utf8('# My *notes*\n\nSome **bold** text.\n\n- one\n- two\n') });
    expect(format).toBe('md');
    expect(document.title).toBe('My notes');
    expect(document.text).toBe('Some bold text.\none\ntwo');
    expect(document.html).toContain('<strong>bold</strong>');
    expect(invariantHolds(document.html, document.text)).toBe(true);
  });

  it('uses front matter for title and author', async () => {
    const { document } = await importFile({ fileName: 'fm.md', bytes: utf8('---\ntitle: "From front matter"\nauthor: Ada\n---\nBody text.\n') });
    expect(document.title).toBe('From front matter');
    expect(document.byline).toBe('Ada');
    expect(document.text).toBe('Body text.');
  });

  it('falls back to the file name and sanitizes raw HTML', async () => {
    const { document } = await importFile({ fileName: 'raw_html.md', bytes: utf8('Text <script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold</b>') });
    expect(document.title).toBe('raw html');
    expect(parseFragment(document.html).querySelector('script, img, [onerror]')).toBeNull();
    expect(parseFragment(document.html).querySelector('b')?.textContent).toBe('bold');
    expect(document.text).not.toContain('alert');
  });

  it('renders a README that opens with HTML, titled by its HTML heading', async () => {
    const readme = '<p align="center">\n  <h1 align="center">Zod</h1>\n  <p align="center">TypeScript-first schema validation</p>\n</p>\n\n## Install\n\n```sh\nnpm i zod\n```\n';
    const { document } = await importFile({ fileName: 'README.md', bytes: utf8(readme) });
    expect(document.title).toBe('Zod');
    expect(document.text).toContain('TypeScript-first schema validation');
    expect(document.text).not.toContain('<p');
    expect(document.text).not.toMatch(/^Zod/);
  });

  it('drops javascript: links', async () => {
    const { document } = await importFile({ fileName: 'l.md', bytes: utf8('[click](javascript:alert(1)) and [site](https://example.org)') });
    const links = Array.from(parseFragment(document.html).querySelectorAll('a[href]'), (a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org/']);
    expect(document.html).toContain('href="https://example.org/" rel="noopener noreferrer"');
  });
});

describe('HTML by any of its extensions', () => {
  it('reads .htm, .xhtml and upper-case names as web pages', async () => {
    const xhtml = '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head><title>Chapter 1</title></head><body><h1>Chapter 1</h1><p>It was a dark night.<br/>Rain fell.</p></body></html>';
    for (const name of ['chapter.xhtml', 'chapter.htm', 'CHAPTER.HTML']) {
      const { format, document } = await importFile({ fileName: name, bytes: utf8(xhtml) });
      expect(format).toBe('html');
      expect(document.title).toBe('Chapter 1');
      expect(document.text).toContain('It was a dark night.\nRain fell.');
      expect(invariantHolds(document.html, document.text)).toBe(true);
    }
  });
});

describe('what Quire refuses, with a clear reason', () => {
  it('an empty file', async () => {
    expect(await importError('empty.txt', Buffer.alloc(0))).toEqual({ code: 'import-failed', message: 'The file is empty.' });
  });

  it('a PNG image renamed .html (and .txt, .md)', async () => {
    for (const name of ['picture.html', 'picture.txt', 'picture.md']) {
      const error = await importError(name, PNG);
      expect(error.code).toBe('import-failed');
      expect(error.message).toContain('does not look like a text/HTML document');
    }
  });

  it('an unknown extension', async () => {
    expect(await importError('archive.xyz', utf8('hello'))).toEqual({
      code: 'unsupported-format',
      message: 'Quire cannot import .xyz files yet (supported: .epub, .pdf, .html, .htm, .xhtml, .md, .markdown, .txt).',
    });
  });

  it('a file larger than 200 MB', async () => {
    const huge = new Uint8Array(200 * 1024 * 1024 + 1);
    expect((await importError('huge.txt', huge)).message).toContain('larger than 200 MB');
  });

  it('a file with only whitespace', async () => {
    expect((await importError('blank.md', utf8('\n   \n\t\n'))).code).toBe('import-failed');
  });

  it('an HTML page with no readable text', async () => {
    const error = await importError('empty.html', utf8('<html><head><title>Nothing</title><script>var x = 1;</script></head><body> <img src="a.png"> </body></html>'));
    expect(error).toEqual({ code: 'import-failed', message: 'This page has no readable text.' });
  });
});
