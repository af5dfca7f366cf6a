import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { importFile } from '../../../../electron/core/importers/import-file';
import type { ImportedDocument } from '../../../../electron/core/importers/imported-document';
import { webPages } from '../support/corpus';

const pages = webPages();
const imported = new Map<string, ImportedDocument>();
function importPage(name: string): ImportedDocument {
  const page = pages.find((p) => p.name === name)!;
  let document = imported.get(name);
  if (!document) {
    document = importFile({ fileName: 'source.html', filePath: page.file, bytes: readFileSync(page.file) }).document;
    imported.set(name, document);
  }
  return document;
}

const flat = (value: string | null | undefined): string | null => {
  const cleaned = (value ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
};

describe('the 24 real web pages of the corpus', () => {
  it('are all there', () => {
    expect(pages.length).toBe(24);
  });

  describe.each(pages.map((p) => [p.name, p] as const))('%s', (name, page) => {
    it('imports with the title, byline, site, language and direction a reader view finds', () => {
      const document = importPage(name);
      const { expected } = page;
      // 005-unescape-html-entities has no title at all: Quire then names it after the file.
      expect(document.title).toBe(flat(expected.title) ?? 'source');
      expect(document.byline).toBe(flat(expected.byline));
      expect(document.siteName).toBe(flat(expected.siteName));
      if (expected.lang !== undefined) expect(document.lang).toBe(expected.lang);
      expect(document.dir).toBe(expected.dir);
      if (expected.excerpt) expect(document.excerpt).toBe(flat(expected.excerpt));
      if (expected.publishedTime) expect(Date.parse(document.publishedAt!)).toBe(Date.parse(expected.publishedTime));
    });

    it('has text that is exactly the textContent of its reader HTML', () => {
      const document = importPage(name);
      expect(document.text.trim()).not.toBe('');
      expect(parseFragment(document.html).textContent).toBe(document.text);
      // Normalized: no blank lines, no whitespace at the edges of lines (outside preformatted text).
      let prose = document.text;
      for (const pre of Array.from(parseFragment(document.html).querySelectorAll('pre'))) {
        prose = prose.replace(pre.textContent ?? '', 'PRE');
      }
      expect(prose).not.toMatch(/\n\n|^\s|\s$|[ \t]\n|\n[ ]/);
    });

    it('keeps no script, event handler, javascript: URL, style, form or frame', () => {
      const { html } = importPage(name);
      expect(html).not.toMatch(/<script|<style|<iframe|<form|<object|<embed|javascript:/i);
      const root = parseFragment(html);
      for (const element of Array.from(root.querySelectorAll('*'))) {
        for (const attribute of Array.from(element.attributes)) {
          expect(attribute.name, `${element.localName}[${attribute.name}]`).not.toMatch(/^on|^style$/i);
        }
      }
      for (const link of Array.from(root.querySelectorAll('a[href]'))) {
        expect(link.getAttribute('href')).toMatch(/^(#|https?:|mailto:)/);
      }
      // Images are not fetched: only their alt text stays.
      expect(root.querySelector('img, picture, source')).toBeNull();
    });
  });
});

describe('web page details', () => {
  it('keeps the readable text of a page with scripts, and drops the scripts', () => {
    const document = importPage('remove-script-tags');
    expect(document.text).toContain('Lorem ipsum dolor sit amet');
    expect(document.text).not.toMatch(/alert|function|<script/);
  });

  it('replaces images with their alt text, data: URLs included', () => {
    const document = importPage('data-url-image');
    expect(document.html).not.toContain('data:');
    expect(document.text).toContain('Illustration for article titled The Spectacular Story Of Metroid');
  });

  it('keeps tables as rows of tab-separated cells', () => {
    const { text } = importPage('wikipedia');
    expect(text).toContain('Founder\tNetscape Communications Corporation\n');
  });

  it('resolves relative links against the address the page names, and keeps in-page links inside', () => {
    const { html } = importPage('wikipedia');
    expect(html).toContain('href="https://en.wikipedia.org/wiki/Netscape"');
    expect(html).toContain('href="#cite_note-1"');
    expect(importPage('wikipedia').url).toBe('https://en.wikipedia.org/wiki/Mozilla');
  });

  it('reads right-to-left pages as such', () => {
    expect(importPage('rtl-1').dir).toBe('rtl');
  });

  it('falls back to the sanitized body of a page Readability cannot use', () => {
    const { document } = importFile({
      fileName: 'tiny.html',
      bytes: Buffer.from('<!doctype html><html lang="de"><head><title>Kurz</title></head><body><p onclick="x()">Nur ein Satz.</p></body></html>'),
    });
    expect(document.title).toBe('Kurz');
    expect(document.lang).toBe('de');
    expect(document.text).toBe('Nur ein Satz.');
    expect(document.html).not.toContain('onclick');
  });

  it('decodes a page in the charset it declares', () => {
    const head = Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf');
    const rest = Buffer.from('</title></head><body><p>Un caf');
    const end = Buffer.from(' cr\xe8me.</p></body></html>', 'latin1');
    const { document } = importFile({ fileName: 'latin.html', bytes: Buffer.concat([head, Buffer.from([0xe9]), rest, Buffer.from([0xe9]), end]) });
    expect(document.title).toBe('Café');
    expect(document.text).toBe('Un café crème.');
  });
});
