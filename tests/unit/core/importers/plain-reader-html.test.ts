import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { html as htmlSpec, parseFragment, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { fragmentText } from '../../../../electron/core/importers/fragment-text';
import { DOCUMENT_PROPERTY_NAMES } from '../../../../electron/core/importers/document-property-names';
import { importEpub } from '../../../../electron/core/importers/epub/epub-importer';
import { importHtml } from '../../../../electron/core/importers/html-importer';
import { importMarkdown } from '../../../../electron/core/importers/markdown-importer';
import { normalizeReaderHtml, type ReaderDocument } from '../../../../electron/core/importers/normalize-html';
import { serializeChildren } from '../../../../electron/core/importers/plain-html-serializer';
import { MAX_NESTING_DEPTH } from '../../../../electron/core/importers/limit-nesting';
import { plainReaderElement } from '../../../../electron/core/importers/plain-reader-html';
import { PLAIN_ELEMENTS } from '../../../../electron/core/importers/plain-reader-rules';
import { MATHML_ELEMENTS } from '../../../../electron/core/importers/mathml';
import { DOMPURIFY_HTML_ELEMENTS, FORBIDDEN_CONTENTS } from '../../../../electron/core/importers/sanitize-rules';
import { sanitizeToElement } from '../../../../electron/core/importers/sanitize-html';
import { webPages } from '../support/corpus';

type Options = { pageUrl?: string | null; keepImage?: (src: string) => string | null };

const throughPlainPath = (html: string, options: Options = {}): ReaderDocument | null => {
  const plain = plainReaderElement(html, options);
  return plain ? normalizeReaderHtml(plain, serializeChildren) : null;
};
const throughDomPurify = (html: string, options: Options = {}): ReaderDocument => normalizeReaderHtml(sanitizeToElement(html, options));
/** The article through the plain path, which takes it and gives what DOMPurify's path gives. */
const takenAsDomPurifyWould = (html: string, options: Options = {}): ReaderDocument => {
  const plain = throughPlainPath(html, options);
  expect(plain, html).not.toBeNull();
  expect(plain, html).toEqual(throughDomPurify(html, options));
  return plain!;
};

/**
 * DOMPurify reads markup as a document without a doctype, in quirks mode, where a `<table>` may
 * sit inside a `<p>`; the reader reads the stored HTML as the standard's fragment, without quirks,
 * and so does the plain path. What the reader then has from either: the same text, and the same
 * elements with the same attributes in the same order.
 */
const inReader = (html: string): { text: string; elements: string[] } => {
  const elements: string[] = [];
  const stack = [...parseFragment(html).childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node)) continue;
    elements.push(`${node.tagName}${node.attrs.map((a) => ` ${a.name}="${a.value}"`).join('')}`);
    stack.push(...[...node.childNodes].reverse());
  }
  return { text: fragmentText(html), elements };
};

const STORED = 'assets/0123456789abcdef0123.png';
const keepImage = (src: string): string | null => (src === 'photo.png' ? STORED : null);

describe('plain articles without jsdom', () => {
  it('drops what the sanitizer drops, fixes links and images as it does, and gives the same HTML and text', () => {
    const article =
      '<div id="readability-page-1" class="page"><section id="links" class="c" style="color: red" data-toggle="x" itemscope itemtype="https://schema.org/Thing">' +
      '<h2 id="intro" itemprop="name">Links <a href="#links" title="Permalink to this heading">¶</a></h2>\n' +
      '<p hidden>Hidden by the page.</p><!-- a comment -->' +
      '<p>See <a href="https://example.org/a">this</a>, <a href="file:///usr/share/doc/x.html">that</a>, <a href="javascript:alert(1)">x</a> ' +
      'and <a href="https://example.org/page#part">a part</a>.</p>\n' +
      '<p><img src="https://example.org/chart.png" alt=" A chart "> <img src="spacer.gif" alt=""><img src="photo.png" alt="kept" title=" A photo "></p></section></div>';
    const options = { pageUrl: 'https://example.org/page', keepImage };
    const plain = throughPlainPath(article, options);
    expect(plain).toEqual({
      html:
        '<div id="readability-page-1"><section><h2 id="intro">Links <a href="#links" title="Permalink to this heading">¶</a></h2>\n' +
        '<p>See <a href="https://example.org/a" rel="noopener noreferrer">this</a>, <a>that</a>, <a>x</a> and <a href="#part">a part</a>.</p>\n' +
        // The space before the removed image ends the line: trimmed, as a reader's line is.
        `<p><span class="quire-image-alt">A chart</span><img src="${STORED}" alt="kept" title="A photo"></p></section></div>`,
      text: 'Links ¶\nSee this, that, x and a part.\nA chart',
    });
    expect(plain).toEqual(throughDomPurify(article, options));
  });

  it('hides what the page hides only when DOMPurify keeps its `hidden`', () => {
    const article = '<p hidden>Hidden.</p><p hidden="until-found">Found on search.</p><p hidden="javascript:x">Shown.</p>';
    const plain = throughPlainPath(article);
    expect(plain?.text).toBe('Shown.');
    expect(plain).toEqual(throughDomPurify(article));
  });

  it('escapes text and attributes as the standard serializes them', () => {
    const article = '<p title="&quot;a&quot; &amp; <b>&nbsp;c">1 &lt; 2 &amp;&amp; 3 &gt; 2, &quot;quoted&quot; it\'s&nbsp;here<br>next</p><hr><p>x<wbr>y</p>';
    const plain = throughPlainPath(article);
    expect(plain?.html).toBe(
      '<p title="&quot;a&quot; &amp; &lt;b&gt;&nbsp;c">1 &lt; 2 &amp;&amp; 3 &gt; 2, "quoted" it\'s&nbsp;here<br>\nnext</p><hr>\n<p>x<wbr>y</p>',
    );
    expect(plain).toEqual(throughDomPurify(article));
  });

  it('keeps every plain element where DOMPurify keeps it', () => {
    const article =
      '<article><header><hgroup><h1>One</h1><h2>Two</h2></hgroup></header><main><section><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>' +
      '<p><a href="https://example.org/">a</a> <abbr title="t">abbr</abbr> <b>b</b> <bdi>bdi</bdi> <bdo dir="rtl">bdo</bdo> <cite>cite</cite> ' +
      '<code>code</code> <del datetime="2020-01-01">del</del> <dfn>dfn</dfn> <em>em</em> <i>i</i> <ins>ins</ins> <kbd>kbd</kbd> <mark>mark</mark> ' +
      '<q>q</q> <s>s</s> <samp>samp</samp> <small>small</small> <span>span</span> <strike>strike</strike> <strong>strong</strong> <sub>sub</sub> ' +
      '<sup>sup</sup> <time datetime="2020-01-01">time</time> <tt>tt</tt> <u>u</u> <var>var</var> <acronym>acronym</acronym> <big>big</big> x<wbr>y<br>z ' +
      '<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p><hr><address>address</address><blockquote>quote</blockquote><center>center</center>' +
      '<div>div</div><pre>pre</pre><aside>aside</aside><nav>nav</nav><details><summary>summary</summary>details</details>' +
      '<figure><img src="photo.png" alt="kept"><figcaption>caption</figcaption></figure><ol start="3" reversed><li value="4">li</li></ol><ul><li>u</li></ul>' +
      '<dl><dt>dt</dt><dd>dd</dd></dl><table><caption>caption</caption><colgroup span="1"><col span="1"></colgroup><thead><tr><th scope="col">th</th></tr></thead>' +
      '<tbody><tr><td colspan="1" rowspan="1" headers="h">td</td></tr></tbody><tfoot><tr><td>foot</td></tr></tfoot></table></section></main>' +
      '<footer>footer</footer><p><data value="42">forty-two</data> <nobr>nobr</nobr></p><dir><li>dir</li></dir><menu><li>menu</li></menu>' +
      '<search><fieldset><legend>legend</legend>fieldset</fieldset></search></article>';
    const plain = takenAsDomPurifyWould(article, { keepImage });
    const tags = new Set(inReader(plain.html).elements.map((element) => element.split(' ')[0]));
    expect([...PLAIN_ELEMENTS].filter((tag) => !tags.has(tag))).toEqual([]);
  });

  it('removes what DOMPurify removes as it does: with what is inside, or leaving that in its place', () => {
    for (const html of [
      '<p>a<script>alert(1)</script></p>',
      '<p>a</p><style>p { color: red }</style>',
      '<p>Icon <svg viewBox="0 0 1 1"><circle r="1"/><title>a circle</title></svg> after</p>',
      '<p>Before <iframe src="https://example.org/">fallback <b>text</b></iframe> after</p>',
      '<div itemscope><meta itemprop="datePublished" content="2020-01-01"><p>Story</p><link itemprop="url" href="https://example.org/"></div>',
      '<figure><picture><source srcset="a.webp"><img src="a.jpg" alt="A harbour"></picture><figcaption>The harbour</figcaption></figure>',
      '<p><video controls><source src="a.mp4"><track src="a.vtt">Your browser cannot play it</video>Words</p>',
      '<p><label>Name <b>here</b> <img src="x" alt="a portrait"></label> and <marquee>moving words</marquee></p>',
      '<p><label hidden>Kept though hidden: <span hidden>but not this</span></label></p>',
      '<template><p>template</p></template><title>Title</title><p>after</p>',
      '<svg><circle r="1"/><foreignObject><p style="x">a</p></foreignObject></svg><p style="x">b</p>',
      '<label><label>nested <slot>slot</slot></label> twice</label>',
      '<form action="search.php" method="get"><input name="query" type="text" size="20" value=""><input name="submit" type="submit" value="Search"></form><p>Manual</p>',
      '<form id="f"><p>Fields <b>here</b></p><input name="nodeName"><img name="attributes" src="photo.png" alt="a"><button>Go</button><select><option>one</select><textarea>t</textarea></form><input form="f" name="childNodes">',
      '<p>a<form>b</form>c</p><table><form><tr><td>cell</td></tr></form></table>',
    ]) {
      takenAsDomPurifyWould(html, { pageUrl: 'https://example.org/page', keepImage });
    }
  });

  it('removes an element DOMPurify does not know as DOMPurify does, and agrees with it on every element name', () => {
    // Custom elements and names no standard has (Node's API pages write `<string>`) lose their tags, keep their words.
    for (const html of [
      '<p>Returns: <string> the name</string>, or <x-share-bar data-id="3">share <b>this</b></x-share-bar>.</p>',
      '<gu-island name="Caption"><figure><figcaption>A caption</figcaption></figure></gu-island><p>Story</p>',
    ]) {
      expect(takenAsDomPurifyWould(html).html).not.toMatch(/<(string|x-share-bar|gu-island)/);
    }
    // Every name DOMPurify or the standard's parser knows, those it removes with their content, and some it does not know.
    const names = new Set([
      ...DOMPURIFY_HTML_ELEMENTS, ...Object.values(htmlSpec.TAG_NAMES), ...FORBIDDEN_CONTENTS, ...MATHML_ELEMENTS,
      'desc', 'foreignobject', 'selectedcontent', 'colgroup', 'circle', 'string', 'x-widget', 'foo', 'annotation-xml',
    ]);
    let plain = 0;
    for (const name of names) {
      // In a <div>: DOMPurify's parse is in quirks mode, where a <table> may stay inside a <p> (inReader above).
      const html = `<div>before <${name} title="t">inside <b>bold</b> text</${name}> after</div><p>next</p>`;
      const viaPlain = throughPlainPath(html, { keepImage });
      if (viaPlain === null) continue;
      plain += 1;
      expect(viaPlain, name).toEqual(throughDomPurify(html, { keepImage }));
    }
    expect(plain).toBeGreaterThan(100);
  });

  it('keeps the attributes DOMPurify keeps that do nothing: old manuals’ layout, the words and sources of quotations in news pages', () => {
    const layout =
      '<div width="100%" align="center"><table summary="Functions" width="100%" border="0" cellpadding="2" cellspacing="0">' +
      '<tr><td valign="top" align="right" nowrap width="30" height="10">cell</td></tr></table>' +
      '<p><img src="photo.png" alt="a plan" width="40" height="30" align="left" border="0"><br clear="all"><span size="2">small</span></p>' +
      '<hr noshade size="1"><p><acronym title="GNU Compiler Collection">GCC</acronym> <big>big</big></p></div>';
    const news =
      '<blockquote cite="https://example.org/speech">We shall.</blockquote><p>As <q cite="https://example.org/q">quoted</q>, ' +
      '<a href="https://example.org/fr" hreflang="fr">en français</a>, <span translate="no" spellcheck="false">Quire</span>, ' +
      '<time datetime="2020-01-01" pubdate>then</time>.</p><details open><summary>More</summary><p>Detail</p></details>' +
      '<p><del cite="https://example.org/why" datetime="2020-01-02">old</del><ins cite="mailto:editor@example.org">new</ins></p>';
    for (const [article, kept] of [
      [layout, '<table summary="Functions" width="100%" border="0" cellpadding="2" cellspacing="0">'],
      [news, '<blockquote cite="https://example.org/speech">'],
      [news, '<details open="">'],
    ] as const) {
      expect(takenAsDomPurifyWould(article, { keepImage }).html).toContain(kept);
    }
    // A script as the source is dropped as DOMPurify drops it; a relative one is left to DOMPurify.
    expect(takenAsDomPurifyWould('<q cite="javascript:alert(1)">q</q>').html).toBe('<q>q</q>');
    expect(plainReaderElement('<blockquote cite="speech.html">q</blockquote>')).toBeNull();
  });

  it('counts what an element it unwraps held at the depth it was, as the nesting limit does', () => {
    const deep = (inner: string): string => `${'<div>'.repeat(MAX_NESTING_DEPTH - 2)}${inner}${'</div>'.repeat(MAX_NESTING_DEPTH - 2)}`;
    // Within the limit: the <p> is at the limit's depth.
    expect(plainReaderElement(deep('<span><p>edge</p></span>'), { keepImage })).not.toBeNull();
    // One deeper inside a <label>: past the limit, though the label goes and the <p> moves up.
    expect(plainReaderElement(deep('<span><label><p>deep</p></label></span>'), { keepImage })).toBeNull();
  });

  it('leaves to DOMPurify whatever is not plain', () => {
    const deep = `${'<div>'.repeat(300)}deep${'</div>'.repeat(300)}`;
    for (const html of [
      '<p><math><mi>x</mi></math></p>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<p><img src="x" alt="Story of <em>Metroid</em>"></p>',
      '<p><a href="#note-1" rel="footnote">1</a></p>',
      '<p><font color="red">old</font></p>',
      '<frameset><frame src="a.html"></frameset>',
      deep,
    ]) {
      expect(plainReaderElement(html, { keepImage }), html.slice(0, 60)).toBeNull();
    }
  });

  it('drops every comment as DOMPurify does, those holding markup too', () => {
    for (const html of [
      '<p>x<!-- <script>alert(1)</script> -->y</p>',
      '<p><!-- <img src=x onerror=alert(1)> --></p>',
      '<p><!-- --!> <img src=x onerror=alert(1)> --></p>',
      '<p>a<!--> <b>x</b> -->z</p>',
      '<div><!-- <p> -->&lt;/p&gt;<b>bold</b></div>',
      '<p>a</p><code>plain words <!-- <b> --></code>',
      '<!--[if IE]><p>old browsers</p><![endif]--><p>Story</p>',
    ]) {
      const plain = takenAsDomPurifyWould(html);
      expect(plain.html).not.toContain('<!--');
    }
  });

  it('leaves to DOMPurify an element it removes whole, text that reads as markup beside a comment', () => {
    // DOMPurify takes such an element for possible mutation XSS and removes it with its text.
    for (const html of ['<p>Kept</p><code>&lt;div&gt; <!-- note --></code>', '<p><label>&lt;b&gt;<!-- c --></label>kept</p>']) {
      expect(plainReaderElement(html), html).toBeNull();
      expect(throughDomPurify(html).text).not.toContain('<');
    }
    // The article itself is never removed so: only its comment goes.
    expect(takenAsDomPurifyWould('&lt;b&gt; bold <!-- note -->').text).toBe('<b> bold');
  });

  it('judges an image’s id and name as any element’s, whatever other elements are called', () => {
    // DOMPurify asks its own empty document whether a name is taken, not the page it sanitizes.
    const plain = takenAsDomPurifyWould(
      '<p id="figure-1">See <img src="photo.png" id="figure-1" alt="x"> and <img src="elsewhere.png" name="figure-1" alt="a chart"></p>' +
        '<p><img src="photo.png" name="links" alt="y"><img src="photo.png" id="forms"></p>',
      { keepImage },
    );
    expect(plain.html).toContain(`<p id="figure-1">See <img src="${STORED}" id="figure-1" alt="x">`);
    expect(plain.html).toContain(`<img src="${STORED}" alt="y"><img src="${STORED}"></p>`);
  });

  it('drops an id or a name that names a property of the document, as DOMPurify does', () => {
    const article = '<section id="implementation"><h2 id="reset">Reset</h2><p id="overview"><a name="submit">s</a><a name="notes">n</a></p></section>';
    const plain = throughPlainPath(article);
    expect(plain?.html).toBe('<section><h2>Reset</h2>\n<p id="overview"><a>s</a><a name="notes">n</a></p></section>');
    expect(plain).toEqual(throughDomPurify(article));
  });

  it('finds no form whose controls shadow its properties in jsdom, so DOMPurify never removes a form whole', () => {
    // DOMPurify removes a form whose `attributes`, `childNodes`… are not the form's own (`_isClobbered`);
    // the plain path unwraps every form, which holds while jsdom names no control on the form.
    const { document } = new JSDOM('<form id="f"><input name="attributes"><img name="childNodes"><input id="nodeName"><input name="submit"></form><input form="f" name="removeChild">').window;
    const form = document.getElementById('f') as HTMLFormElement;
    expect([typeof form.nodeName, typeof form.submit, typeof form.removeChild]).toEqual(['string', 'function', 'function']);
    expect(form.attributes).toBeInstanceOf(document.defaultView!.NamedNodeMap);
    expect(form.childNodes).toBeInstanceOf(document.defaultView!.NodeList);
  });

  it('knows every property name of jsdom’s document and form element, and no other', () => {
    const { document } = new JSDOM('<!doctype html><html><head></head><body></body></html>').window;
    const names = new Set<string>();
    for (const object of [document, document.createElement('form')]) {
      for (let level: object | null = object; level; level = Object.getPrototypeOf(level) as object | null) {
        for (const name of Object.getOwnPropertyNames(level)) names.add(name);
      }
    }
    expect([...DOCUMENT_PROPERTY_NAMES].sort()).toEqual([...names].sort());
  });

  it('gives the reader what DOMPurify’s path gives for every script-injection payload it takes, alone and inside a paragraph', () => {
    const payloads = readFileSync(path.join(__dirname, '../../../fixtures/xss/payloads.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.slice(line.indexOf(' ') + 1));
    expect(payloads.length).toBeGreaterThan(100);
    let taken = 0;
    for (const payload of payloads) {
      for (const html of [payload, `<p>Before ${payload} after</p>`]) {
        const plain = throughPlainPath(html, { pageUrl: 'https://example.org/page', keepImage });
        if (plain === null) continue;
        taken += 1;
        const purified = throughDomPurify(html, { pageUrl: 'https://example.org/page', keepImage });
        expect(plain.text, html).toBe(purified.text);
        expect(inReader(plain.html), html).toEqual(inReader(purified.html));
      }
    }
    // The links and images among them are plain once fixed; scripts, handlers and frames are not.
    expect(taken).toBeGreaterThan(0);
  });

  describe.each(webPages().map((page) => [page.name, page] as const))('%s', (_name, page) => {
    it('is imported as the sanitizer’s path imports it', () => {
      const bytes = readFileSync(page.file);
      const read = (plainPath: boolean) => importHtml('source.html', bytes, pathToFileURL(page.file).href, { localFiles: true, plainPath });
      const { assets: plainAssets, ...plain } = read(true);
      const { assets: purifiedAssets, ...purified } = read(false);
      expect(plain).toEqual(purified);
      expect(plainAssets.map((asset) => asset.path)).toEqual(purifiedAssets.map((asset) => asset.path));
    });
  });
});

describe('books and Markdown without jsdom', () => {
  it.each(['moby-dick', 'childrens-literature', 'accessible_epub_3', 'trees', 'hefty-water'])('%s is imported as the sanitizer’s path imports it', async (name) => {
    const bytes = readFileSync(path.join(__dirname, `../../../fixtures/corpus/epub/${name}.epub`));
    const read = (plainPath: boolean) => importEpub(`${name}.epub`, bytes, { maxBytes: 64 * 1024 * 1024, plainPath });
    const { assets: plainAssets, ...plain } = await read(true);
    const { assets: purifiedAssets, ...purified } = await read(false);
    expect(plain).toEqual(purified);
    expect(plainAssets.map((asset) => asset.path)).toEqual(purifiedAssets.map((asset) => asset.path));
  });

  it.each(['xss/notes.md', 'xss/markdown-links.md', 'search-filters/field-notes.md', 'screenshots/arabic-article.md', 'corpus/README.md'])(
    '%s is imported as the sanitizer’s path imports it',
    (file) => {
      const bytes = readFileSync(path.join(__dirname, '../../../fixtures', file));
      expect(importMarkdown(path.basename(file), bytes)).toEqual(importMarkdown(path.basename(file), bytes, { plainPath: false }));
    },
  );
});

describe('serializing linkedom’s tree as the standard does', () => {
  it('writes what parse5’s serializer writes for the same tree', () => {
    const html =
      '<p title="a &quot;b&quot; &amp; c&nbsp;&lt;d&gt; e" lang="en">x &amp; y &lt; z &gt; w "q" \'s\' &nbsp;</p><br><hr>' +
      '<pre>\n\nline\n  two</pre><table><tr><td>1</td></tr></table><ul><li>i<wbr>j</li></ul><p>a<b>b<i>c</b>d</i></p>';
    const root = plainReaderElement(html);
    expect(root).not.toBeNull();
    expect(serializeChildren(root!)).toBe(serialize(parseFragment(html)));
  });
});
