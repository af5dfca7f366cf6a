import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { normalizeReaderHtml } from '../../../../electron/core/importers/normalize-html';
import { parsePage } from '../../../../electron/core/importers/page-dom';
import { readInPieces } from '../../../../electron/core/importers/reader-pieces';
import { sanitizeToElement } from '../../../../electron/core/importers/sanitize-html';
import { webPages } from '../support/corpus';

const read = (html: string) => normalizeReaderHtml(sanitizeToElement(html, { pageUrl: null, keepImage: () => null }));

/** Cut into pieces of a few thousand characters, any article reads as it does whole. */
const expectSameInPieces = (html: string, size = 2_000): void => {
  const whole = read(html);
  let pieces = 0;
  const inPieces = readInPieces(html, (piece) => {
    pieces += 1;
    return read(piece);
  }, size);
  expect(inPieces).toEqual(whole);
  if (html.length > size * 3) expect(pieces).toBeGreaterThan(1);
};

describe('a large article sanitized and normalized in pieces', () => {
  it.each(webPages().map((page) => [page.name, page.file] as const))('%s reads as it does whole', (_name, file) => {
    const doc = parsePage(readFileSync(file, 'utf8'), pathToFileURL(file).href).document;
    const article = new Readability(doc, { keepClasses: false }).parse();
    expectSameInPieces(article?.content || doc.body.innerHTML);
  });

  it('keeps inline runs, forms, hidden blocks, preformatted text and lists as they are whole', () => {
    const parts = Array.from({ length: 60 }, (_, i) => [
      `<h2 id="s${i}">Section ${i}</h2>`,
      `Loose text ${i} <b>bold</b> and <a href="https://example.org/${i}" onclick="x()">a link</a>`,
      `<p>Paragraph ${i} with <img src="https://example.org/${i}.png" alt="picture ${i}"> and more words.</p>`,
      `<form><p>in a form ${i}</p><input value="no"></form> after the form`,
      `<div hidden>hidden ${i}</div> <p hidden>also hidden</p>`,
      `<pre>\n  code ${i}\n    indented\n</pre>`,
      `<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><table><tr><td>a</td><td>b</td></tr></table>`,
      `<!-- a comment --><script>alert(${i})</script><style>p{}</style>`,
    ].join('\n'));
    expectSameInPieces(`<div id="readability-page-1" class="page"><section id="all">${parts.join('\n')}</section></div>`);
    expectSameInPieces(parts.join('\n'));
  });

  it('cuts inside a long table of contents (nested lists and definition lists) as it reads whole', () => {
    const entry = (i: number, depth: number): string =>
      `<li class="toctree-l${depth}"><a href="#e${i}">Entry ${i}</a>${depth < 3 ? `<ul>${[1, 2, 3].map((j) => entry(i * 10 + j, depth + 1)).join('\n')}</ul>` : ''}</li>`;
    const terms = Array.from({ length: 30 }, (_, i) => `<dt id="t${i}">term ${i}</dt><dd><p>Meaning ${i}.</p><p>More on it.</p></dd>`).join('');
    let pieces = 0;
    const html = `<section><h1>Contents</h1><div class="toctree-wrapper"><ol start="3">${Array.from({ length: 40 }, (_, i) => entry(i, 1)).join('\n')}</ol></div><dl>${terms}</dl></section>`;
    const inPieces = readInPieces(html, (piece) => {
      pieces += 1;
      expect(piece.length).toBeLessThan(3_000);
      return read(piece);
    }, 1_000);
    expect(inPieces).toEqual(read(html));
    expect(inPieces.html).toContain('<ol start="3">');
    expect(pieces).toBeGreaterThan(20);
  });

  it('cuts inside large sections among other blocks, whatever follows them', () => {
    const section = (id: string) => `<section id="${id}"><h2>Part ${id}</h2>${Array.from({ length: 40 }, (_, i) => `<p>Line ${i} of ${id}, <em>some</em> words.</p>`).join('\n')}</section>`;
    expectSameInPieces(
      `<div id="readability-page-1" class="page"><section id="top"><span id="anchor"></span><h1>Manual</h1><p>Intro.</p>
      ${section('a')}<hr><p>After a rule.</p>${section('b')}<!-- c --> <p></p>${section('c')} trailing <b>inline</b> text
      ${section('d')}<div hidden>gone</div><img src="x.png" alt="an image after it">${section('e')}</section></div>`,
      500,
    );
  });
});
