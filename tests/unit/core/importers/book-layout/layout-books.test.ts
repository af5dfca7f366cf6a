import { describe, expect, it } from 'vitest';
import { importEpub } from '../../../../../electron/core/importers/epub/epub-importer';
import { parseFixedLayout } from '../../../../../electron/shared/fixed-layout';
import { makeEpub } from '../support/make-zip';
import { PICTURE_BOOK_WORDS, PICTURE_PAGE, pictureBook, VERTICAL_CHAPTER_3_WORD, verticalNovel } from '../support/layout-books';

const MB = 1024 * 1024;

async function importPictureBook(viewports?: string[]) {
  const document = await importEpub('fox.epub', pictureBook({ viewports }), { maxBytes: 50 * MB });
  const file = document.assets.find((asset) => asset.path === document.fixedLayout);
  const pages = file ? parseFixedLayout(JSON.parse(new TextDecoder().decode(file.bytes))) : null;
  return { document, pages };
}

describe('a fixed-layout picture book', () => {
  it('keeps each page as laid out: its size, side, markup, CSS and pictures', async () => {
    const { document, pages } = await importPictureBook();
    expect(document.fixedLayout).toMatch(/^assets\/[0-9a-f]{20}\.json$/);
    expect(pages?.spread).toBe('landscape');
    expect(pages?.progression).toBe('ltr');
    expect(pages?.pages.map((page) => [page.width, page.height, page.side, page.section])).toEqual([
      [PICTURE_PAGE.width, PICTURE_PAGE.height, 'left', 'c1'],
      [PICTURE_PAGE.width, PICTURE_PAGE.height, 'right', 'c2'],
    ]);
    const [first] = pages?.pages ?? [];
    expect(first?.html).toContain(PICTURE_BOOK_WORDS[0]);
    expect(first?.html).toMatch(/<img[^>]*class="art"[^>]*src="assets\/[0-9a-f]{20}\.png"|<img[^>]*src="assets\/[0-9a-f]{20}\.png"[^>]*class="art"/);
    expect(first?.html).not.toContain('style=');
    expect(first?.css).toMatch(/\.quire-style-0\{top:40px;color:#1a1a66\}/);
    // The book's one sheet, stored once for both pages.
    expect(pages?.styles).toHaveLength(1);
    expect(pages?.pages.map((page) => page.styles)).toEqual([[0], [0]]);
    const [sheet] = pages?.styles ?? [];
    expect(sheet).toContain('.caption{position:absolute');
    expect(sheet).toMatch(/url\(assets\/[0-9a-f]{20}\.png\)/); // the caption's frame, a picture of the book
    expect(sheet).toContain('epub-html,epub-body{margin:0;padding:0}');
    expect(first?.bodyClass).toBe('page page-1');
    expect(first?.rootClass).toBe('picture-book');
    // Every picture the pages name is stored with the article.
    for (const name of JSON.stringify(pages).match(/assets\/[0-9a-f]{20}\.png/g) ?? []) expect(document.assets.map((asset) => asset.path)).toContain(name);
  });

  it('still gives its text to search and the text view, with the note about little text', async () => {
    const { document } = await importPictureBook();
    expect(document.text).toContain(PICTURE_BOOK_WORDS[0]);
    expect(document.text).toContain(PICTURE_BOOK_WORDS[1]);
    expect(document.noteSentence?.id).toBe('core.import.epubFixedLayout');
    expect(document.writingMode).toBeUndefined();
  });

  it('gives pages with a malformed viewport a sensible size', async () => {
    const { pages } = await importPictureBook(['width=device-width', 'width=abc; height=-4']);
    expect(pages?.pages.map((page) => [page.width, page.height])).toEqual([
      [768, 1024],
      [768, 1024],
    ]);
  });
});

describe('a Japanese novel set vertically', () => {
  it('is marked vertical from its CSS', async () => {
    const document = await importEpub('neko.epub', verticalNovel(), { maxBytes: 50 * MB });
    expect(document.writingMode).toBe('vertical-rl');
    expect(document.fixedLayout).toBeUndefined();
    expect(document.text).toContain(VERTICAL_CHAPTER_3_WORD);
    // Its lines are not right-to-left text: only its pages turn that way.
    expect(document.dir).toBe('ltr');
  });

  it('is vertical by its page progression and language when its CSS says nothing, and horizontal when its CSS says so', async () => {
    expect((await importEpub('neko.epub', verticalNovel({ css: 'p { margin: 0 }' }), { maxBytes: 50 * MB })).writingMode).toBe('vertical-rl');
    expect((await importEpub('neko.epub', verticalNovel({ css: 'html { writing-mode: horizontal-tb }' }), { maxBytes: 50 * MB })).writingMode).toBeUndefined();
    expect((await importEpub('neko.epub', verticalNovel({ css: '', progression: 'ltr' }), { maxBytes: 50 * MB })).writingMode).toBeUndefined();
  });
});

describe('a hostile fixed-layout book', () => {
  it('imports with pages that hold nothing that acts or loads from outside', async () => {
    const opf = `<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Trap</dc:title>
      <meta property="rendition:layout">pre-paginated</meta><meta property="rendition:viewport">width=abc</meta></metadata>
      <manifest><item id="p" href="p.xhtml" media-type="application/xhtml+xml"/><item id="q" href="q.xhtml" media-type="application/xhtml+xml"/></manifest>
      <spine><itemref idref="p"/><itemref idref="q" properties="page-spread-sideways"/></spine></package>`;
    const page = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head>
      <meta name="viewport" content="width=99999999, height=1"/>
      <link rel="stylesheet" href="../../../etc/x.css"/><link rel="stylesheet" href="http://evil.example/a.css"/><link rel="stylesheet" href="big.css"/>
      <link rel="stylesheet" href="trap.css"/>
      <style>@import url(http://evil.example/b.css); .u { background: url(http://evil.example/p.png) }</style></head>
      <body onload="alert(1)"><script>alert(1)</script><p class="t" style="behavior: url(x.htc); width: expression(alert(1))">Words</p>
      <a href="javascript:alert(1)">link</a><iframe src="http://evil.example"/><img src="http://evil.example/p.png" alt="remote"/>${'<div>'.repeat(600)}deep${'</div>'.repeat(600)}</body></html>`;
    const trapCss = '.t::after { content: "</style><script>alert(1)</script>" } .v { -moz-binding: url(x.xml#y); position: fixed }';
    const bytes = makeEpub({ opf, files: { 'p.xhtml': page, 'q.xhtml': page, 'trap.css': trapCss, 'big.css': `.a{color:red}${' '.repeat(600 * 1024)}` } });
    const document = await importEpub('trap.epub', bytes, { maxBytes: 50 * MB });
    const file = document.assets.find((asset) => asset.path === document.fixedLayout);
    const json = new TextDecoder().decode(file?.bytes);
    const pages = parseFixedLayout(JSON.parse(json));
    expect(pages?.pages).toHaveLength(2);
    expect(pages?.pages.map((p) => [p.width, p.height, p.side])).toEqual([
      [768, 1024, null],
      [768, 1024, null],
    ]);
    for (const { html, css } of pages?.pages ?? []) {
      expect(html).toContain('Words');
      expect(html).not.toMatch(/<script|<iframe|<img|javascript:|\son\w+=|style=/i);
      expect(css).not.toMatch(/behavior|expression/);
    }
    const styles = (pages?.styles ?? []).join('\n');
    expect(styles).toContain('.t::after{content:"\\3c /style>\\3c script>alert(1)\\3c /script>"}');
    expect(styles).toContain('.v{position:absolute}');
    expect(styles).not.toMatch(/evil|@import|<|binding|color:red/); // the 600 KB sheet is not read
  });
});
