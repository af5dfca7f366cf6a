import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { fragmentText } from '../../../../electron/core/importers/fragment-text';
import { importFile } from '../../../../electron/core/importers/import-file';
import type { ImportedDocument } from '../../../../electron/core/importers/imported-document';
import { webPages } from '../support/corpus';

const pages = webPages();
const imported = new Map<string, ImportedDocument>();
async function importPage(name: string): Promise<ImportedDocument> {
  const page = pages.find((p) => p.name === name)!;
  let document = imported.get(name);
  if (!document) {
    document = (await importFile({ fileName: 'source.html', filePath: page.file, bytes: readFileSync(page.file) })).document;
    imported.set(name, document);
  }
  return document;
}

const flat = (value: string | null | undefined): string | null => {
  const cleaned = (value ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
};

describe('the 24 real web pages of the corpus', () => {
  it('are all there', async () => {
    expect(pages.length).toBe(24);
  });

  describe.each(pages.map((p) => [p.name, p] as const))('%s', (name, page) => {
    it('imports with the title, byline, site, language and direction a reader view finds', async () => {
      const document = await importPage(name);
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

    it('has text that is exactly the textContent of its reader HTML', async () => {
      const document = await importPage(name);
      expect(document.text.trim()).not.toBe('');
      expect(parseFragment(document.html).textContent).toBe(document.text);
      // Normalized: no blank lines, no whitespace at the edges of lines (outside preformatted text).
      let prose = document.text;
      for (const pre of Array.from(parseFragment(document.html).querySelectorAll('pre'))) {
        prose = prose.replace(pre.textContent ?? '', 'PRE');
      }
      expect(prose).not.toMatch(/\n\n|^\s|\s$|[ \t]\n|\n[ ]/);
    });

    it('keeps no script, event handler, javascript: URL, style, form or frame', async () => {
      const { html, assets } = await importPage(name);
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
      // Images are never fetched: an image stays only as a file stored with the article.
      const stored = new Set(assets.map((asset) => asset.path));
      for (const img of Array.from(root.querySelectorAll('img'))) expect(stored.has(img.getAttribute('src') ?? '')).toBe(true);
      expect(root.querySelector('picture, source')).toBeNull();
    });
  });
});

describe('web page details', () => {
  it('keeps the readable text of a page with scripts, and drops the scripts', async () => {
    const document = await importPage('remove-script-tags');
    expect(document.text).toContain('Lorem ipsum dolor sit amet');
    expect(document.text).not.toMatch(/alert|function|<script/);
  });

  it('stores data: images as files of the article, and shows remote ones as their alt text', async () => {
    const document = await importPage('data-url-image');
    expect(document.html).not.toContain('data:');
    // The 1×1 placeholders of lazy-loaded remote pictures are not fetched: their alt text stays.
    expect(document.text).toContain('Illustration for article titled The Spectacular Story Of Metroid');
    const source = readFileSync(pages.find((p) => p.name === 'data-url-image')!.file, 'utf8');
    const inlined = [...source.matchAll(/src="data:image\/[a-z+]+;base64,([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64'));
    expect(document.assets.length).toBeGreaterThan(0);
    for (const asset of document.assets) {
      expect(document.html).toContain(`src="${asset.path}"`);
      expect(inlined.some((bytes) => bytes.equals(Buffer.from(asset.bytes)))).toBe(true);
    }
  });

  it('leaves out what the page hides with an inline style, and takes the byline from the link that names the author', async () => {
    const paragraph =
      '<p>The harbour wakes before the town does: nets are mended on the quay, the first boats slip out past the ' +
      'breakwater, and the gulls follow them into a grey morning that smells of salt, diesel and bread from the bakery.</p>';
    const page =
      '<!doctype html><html lang="en"><head><title>Harbour at dawn</title></head><body><article><h1>Harbour at dawn</h1>' +
      '<div class="meta"><a rel="author" href="/people/mara">Mara Quill</a></div>' +
      paragraph.repeat(3) +
      '<p style="display: none">Hidden by its style from every reader.</p>' +
      '<div style="color: grey; visibility:hidden">Invisible by its style to every reader.</div>' +
      '<p style="color: grey">Shown in grey at the end.</p>' +
      paragraph +
      '</article></body></html>';
    const { document } = await importFile({ fileName: 'harbour.html', bytes: Buffer.from(page) });
    expect(document.byline).toBe('Mara Quill');
    expect(document.text).toContain('Shown in grey at the end.');
    expect(document.text).not.toContain('Hidden by its style');
    expect(document.text).not.toContain('Invisible by its style');
  });

  it('keeps tables as rows of tab-separated cells', async () => {
    const { text } = await importPage('wikipedia');
    expect(text).toContain('Founder\tNetscape Communications Corporation\n');
  });

  it('resolves relative links against the address the page names, and keeps in-page links inside', async () => {
    const { html } = await importPage('wikipedia');
    expect(html).toContain('href="https://en.wikipedia.org/wiki/Netscape"');
    expect(html).toContain('href="#cite_note-1"');
    expect((await importPage('wikipedia')).url).toBe('https://en.wikipedia.org/wiki/Mozilla');
  });

  it('drops the permalink sign documentation puts at the end of each heading, and keeps headings’ own links', async () => {
    const page =
      '<!doctype html><html lang="en"><head><title>AppArmor</title></head><body><div role="main"><section id="what">' +
      '<h1>AppArmor<a class="headerlink" href="#apparmor" title="Permalink to this heading">¶</a></h1>' +
      '<h2>What is AppArmor? <a href="#what" class="anchor"> § </a></h2><p>AppArmor is a MAC style security extension for the Linux kernel, ' +
      'with task “profiles” loaded from user space; tasks without one run unconfined, as under standard Linux DAC permissions.</p>' +
      '<h2><a href="#links">Links</a> <a href="https://example.org/#top">🔗</a></h2><p>The mailing list and the wiki, linked below, hold the ' +
      'rest of the documentation, with examples of profiles for common daemons. <a href="#what">¶</a> marks a paragraph here.</p>' +
      '</section></div></body></html>';
    const { document } = await importFile({ fileName: 'apparmor.html', bytes: Buffer.from(page) });
    expect(document.text).toContain('What is AppArmor?\nAppArmor is a MAC');
    expect(document.text).toContain('Links\nThe mailing list');
    expect(document.text).toContain('¶ marks a paragraph here.');
    expect(document.text).not.toMatch(/[§🔗]|AppArmor¶/u);
    expect(document.html).toContain('<a href="#links">Links</a>');
  });

  it('reads right-to-left pages as such', async () => {
    expect((await importPage('rtl-1')).dir).toBe('rtl');
  });

  it('falls back to the sanitized body of a page Readability cannot use', async () => {
    const { document } = await importFile({
      fileName: 'tiny.html',
      bytes: Buffer.from('<!doctype html><html lang="de"><head><title>Kurz</title></head><body><p onclick="x()">Nur ein Satz.</p></body></html>'),
    });
    expect(document.title).toBe('Kurz');
    expect(document.lang).toBe('de');
    expect(document.text).toBe('Nur ein Satz.');
    expect(document.html).not.toContain('onclick');
  });

  it('decodes a page in the charset it declares', async () => {
    const head = Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf');
    const rest = Buffer.from('</title></head><body><p>Un caf');
    const end = Buffer.from(' cr\xe8me.</p></body></html>', 'latin1');
    const { document } = await importFile({ fileName: 'latin.html', bytes: Buffer.concat([head, Buffer.from([0xe9]), rest, Buffer.from([0xe9]), end]) });
    expect(document.title).toBe('Café');
    expect(document.text).toBe('Un café crème.');
  });
});

describe('a very large page (a whole manual on one page)', () => {
  /** A documentation page of about 30,000 elements: site navigation around a main element. */
  const manualPage = (): Buffer => {
    const sections = Array.from({ length: 2_500 }, (_, i) =>
      `<section id="s${i}"><h2>Symbol ${i}</h2><dl><dt>Description</dt><dd><p>Entry <code>sym_${i}</code> is <em>stable</em>.</p></dd></dl><p><a href="other.html#s${i}">See also</a></p></section>`,
    ).join('\n');
    return Buffer.from(`<!doctype html><html lang="en"><head>
      <title>ABI symbols — The Kernel documentation</title>
      <meta name="author" content="The kernel community"><meta property="og:site_name" content="Kernel docs">
      <meta name="description" content="Every stable ABI symbol, one per section.">
      <link rel="canonical" href="https://docs.example.org/abi/symbols.html">
    </head><body>
      <nav class="sidebar"><ul><li><a href="index.html">Contents of the whole site</a></li></ul></nav>
      <div class="document"><div role="main" class="body"><h1>ABI symbols</h1>
        <nav aria-label="On this page">Jump to a section</nav>${sections}</div></div>
      <footer>Copyright notice of the site</footer><script>alert(1)</script>
    </body></html>`);
  };

  it('takes its main element and metadata, without the navigation around or inside it', async () => {
    const { document } = await importFile({ fileName: 'symbols.html', bytes: manualPage() });
    expect(document.title).toBe('ABI symbols — The Kernel documentation');
    expect(document.byline).toBe('The kernel community');
    expect(document.siteName).toBe('Kernel docs');
    expect(document.excerpt).toBe('Every stable ABI symbol, one per section.');
    expect(document.lang).toBe('en');
    expect(document.text.startsWith('ABI symbols\nSymbol 0\nDescription\nEntry sym_0 is stable.\nSee also\nSymbol 1')).toBe(true);
    expect(document.text).toContain('Entry sym_2499 is stable.');
    expect(document.text).not.toMatch(/Contents of the whole site|Jump to a section|Copyright notice|alert/);
    // Relative links are resolved against the address the page names, as for any page.
    expect(document.html).toContain('href="https://docs.example.org/abi/other.html#s7"');
    expect(parseFragment(document.html).textContent).toBe(document.text);
  }, 120_000);
});

describe('the text check of normalized HTML (parse5, as the reader will parse it)', () => {
  const tricky = [
    '<p>one<p>two</p>',
    '<table><tr><td>a</td>stray<td>b</td></tr></table>',
    '<template><p>hidden</p></template><p>seen</p>',
    '<!-- note --><b>bold <i>both</b> italic</i>',
    '<pre>\nfirst line kept\n</pre>',
    '<ul><li>one<li>two</ul><textarea>raw <b>text</b></textarea>',
    '<svg><title>vector</title><text>drawn</text></svg>&amp;&lt;&nbsp;&#x1F600;',
  ];
  it.each(tricky)('gives the textContent jsdom gives for %s', (html) => {
    expect(fragmentText(html)).toBe(parseFragment(html).textContent);
  });

  it('gives the textContent jsdom gives for every raw page of the corpus', () => {
    for (const page of pages) {
      const source = readFileSync(page.file, 'utf8');
      expect(fragmentText(source), page.name).toBe(parseFragment(source).textContent);
    }
  });
});

describe('a page that clobbers the DOM the importer reads', () => {
  it('imports as an article instead of failing: names that shadow document or form properties are dropped', async () => {
    const bytes = Buffer.from(`<!doctype html><html lang="en"><head><title>Clobbered page</title></head><body>
      <img name="querySelector" src="x.png" alt="one"><img name="getElementsByTagName" alt="two"><form name="body"></form>
      <object id="documentElement"></object><iframe name="createElement"></iframe>
      <form id="f"><input name="parentNode"><input name="attributes"><button name="getAttribute">Go</button></form>
      <article><h1>Clobbered page</h1><p>${'Readable text survives every trick the page plays on the document. '.repeat(8)}</p></article>
    </body></html>`);
    const { document } = await importFile({ fileName: 'clobber.html', bytes });
    expect(document.title).toBe('Clobbered page');
    expect(document.text).toContain('Readable text survives every trick');
    expect(document.html).not.toMatch(/name="(querySelector|getElementsByTagName|body|parentNode|attributes|getAttribute)"/);
  });
});
