import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { importEpub, type TocEntry } from '../../../../electron/core/importers/epub/epub-importer';
import { importFile } from '../../../../electron/core/importers/import-file';
import type { ImportedDocument } from '../../../../electron/core/importers/imported-document';
import { isQuireError } from '../../../../electron/shared/result';
import { CORPUS_DIR } from '../support/corpus';
import { type BookTruth, bookTruth, firstHeadingText } from './support/epub-truth';
import { makeEpub, makeZip, xhtml } from './support/make-zip';

const BOOKS = ['moby-dick', 'childrens-literature', 'accessible_epub_3', 'trees', 'hefty-water'];
const MB = 1024 * 1024;
const bookFile = (name: string): string => path.join(CORPUS_DIR, 'epub', `${name}.epub`);

type Imported = ImportedDocument & { toc: TocEntry[] };
const imported = new Map<string, { document: Imported; truth: BookTruth }>();

beforeAll(async () => {
  for (const name of BOOKS) {
    const bytes = readFileSync(bookFile(name));
    imported.set(name, { document: await importEpub(`${name}.epub`, bytes, { maxBytes: 200 * MB }), truth: await bookTruth(bytes) });
  }
}, 120_000);

/** A 4×4 PNG (the importer drops 1×1 spacers). */
const PNG_PIXELS = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEUlEQVR4nGP8z8DwnwEJMKFzADUKAgHQ3e5BAAAAAElFTkSuQmCC',
  'base64',
);

const book = (name: string): { document: Imported; truth: BookTruth } => imported.get(name)!;

async function importError(fileName: string, bytes: Uint8Array, maxBytes?: number): Promise<string> {
  try {
    await importFile({ fileName, bytes, maxBytes });
  } catch (error) {
    if (isQuireError(error)) return error.message;
    throw error;
  }
  throw new Error(`${fileName} was imported`);
}

describe.each(BOOKS)('the real EPUB %s', (name) => {
  it('has the title, authors and language its package file states', () => {
    const { document, truth } = book(name);
    expect(document.title).toBe(truth.title);
    for (const creator of truth.creators) expect(document.byline).toContain(creator);
    if (truth.creators.length === 0) expect(document.byline).toBeNull();
    expect(document.lang).toBe(truth.language);
  });

  it('reads the chapters in spine order', () => {
    const { document, truth } = book(name);
    const headings = truth.spine.map((file) => firstHeadingText(truth.texts.get(file) ?? '')).filter((h): h is string => h !== null);
    expect(headings.length).toBeGreaterThan(0);
    const text = document.text.replace(/\s/g, ' '); // the book's no-break spaces, as the headings are compared
    let from = 0;
    for (const heading of headings) {
      const at = text.indexOf(heading, from);
      expect(at, heading).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('turns the table of contents into anchors that exist in the article, in reading order', () => {
    const { document, truth } = book(name);
    expect(document.toc.map((entry) => entry.label)).toEqual(truth.tocLabels);
    const root = parseFragment(document.html);
    const ids = Array.from(root.querySelectorAll('[id]'), (element) => element.id);
    const positions = document.toc.map((entry) => ids.indexOf(entry.anchor));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has text that is exactly the textContent of its HTML, links that land, and only stored images', () => {
    const { document } = book(name);
    const root = parseFragment(document.html);
    expect(root.textContent).toBe(document.text);
    const ids = new Set(Array.from(root.querySelectorAll('[id]'), (element) => element.id));
    for (const link of Array.from(root.querySelectorAll('a[href]'))) {
      const href = link.getAttribute('href')!;
      if (href.startsWith('#')) expect(ids.has(href.slice(1)), href).toBe(true);
      else expect(href).toMatch(/^(?:https?|mailto):/);
    }
    const stored = new Set(document.assets.map((asset) => asset.path));
    for (const img of Array.from(root.querySelectorAll('img'))) expect(stored.has(img.getAttribute('src')!)).toBe(true);
    expect(root.querySelector('script, style, link, svg, math, iframe')).toBeNull();
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) expect(attribute.name).toMatch(/^(?:id|href|rel|src|alt|title|lang|dir|colspan|rowspan|start|reversed|type|cite|datetime|abbr|scope|headers|value|height|width|aria-[a-z]+|role|xml:lang)$/);
    }
  });
});

describe('EPUB details', () => {
  it('says how far it has read, chapter by chapter (every spine document), for the import to show', async () => {
    const reports: [number, number, string][] = [];
    const bytes = readFileSync(bookFile('moby-dick'));
    await importFile({ fileName: 'moby-dick.epub', bytes, onProgress: (done, total, unit) => reports.push([done, total, unit]) });
    const total = reports[0]![1];
    expect(total).toBeGreaterThan(100);
    expect(reports.map(([done]) => done)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    expect(reports.every(([, parts, unit]) => parts === total && unit === 'chapter')).toBe(true);
  });

  it('keeps the pictures of Accessible EPUB 3 as assets with the bytes of the book', async () => {
    const { document } = book('accessible_epub_3');
    expect(document.assets.length).toBeGreaterThan(0);
    for (const asset of document.assets) {
      expect(asset.path).toMatch(/^assets\/[0-9a-f]{20}\.(?:png|jpg|gif|svg|webp)$/);
      expect(document.html).toContain(`src="${asset.path}"`);
    }
  });

  it('reads a 136-chapter novel as one article with the text of its first and last chapters', () => {
    const { document } = book('moby-dick');
    expect(document.text).toContain('Call me Ishmael.');
    expect(document.text.indexOf('Call me Ishmael.')).toBeLessThan(document.text.indexOf('Epilogue'));
    expect(document.toc.length).toBeGreaterThan(136);
  });
});

const opf = ({ spine, manifest, metadata = '', spineAttributes = '' }: { spine: string; manifest: string; metadata?: string; spineAttributes?: string }): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Made for the test</dc:title><dc:identifier id="id">x</dc:identifier>${metadata}
  </metadata>
  <manifest>${manifest}</manifest>
  <spine ${spineAttributes}>${spine}</spine>
</package>`;

describe('hand-made EPUBs', () => {
  it('reads an EPUB 2 with an NCX, XHTML entities, empty anchors and a missing chapter', async () => {
    const ncx = `<?xml version="1.0"?><!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="n1"><navLabel><text>The First</text></navLabel><content src="one.xhtml"/></navPoint>
  <navPoint id="n2"><navLabel><text>The Second, Part B</text></navLabel><content src="two.xhtml#part-b"/></navPoint>
</navMap></ncx>`;
    const bytes = makeEpub({
      opf: opf({
        metadata: '<dc:creator opf:role="aut">Ann Author</dc:creator><dc:creator opf:role="edt">Ed Editor</dc:creator><dc:language>fr</dc:language>',
        manifest: '<item id="one" href="one.xhtml" media-type="application/xhtml+xml"/><item id="two" href="two.xhtml" media-type="application/xhtml+xml"/><item id="gone" href="gone.xhtml" media-type="application/xhtml+xml"/><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
        spine: '<itemref idref="one"/><itemref idref="nowhere"/><itemref idref="gone"/><itemref idref="two"/>',
        spineAttributes: 'toc="ncx"',
      }),
      files: {
        'one.xhtml': xhtml('One', '<p>Caf&eacute;&nbsp;au&nbsp;lait<a id="note"/> and <a href="two.xhtml#part-b">see part B</a>.</p>'),
        'two.xhtml': xhtml('Two', '<h2>Part A</h2><p>Alpha.</p><h2 id="part-b">Part B</h2><p>Beta.</p>'),
        'toc.ncx': ncx,
      },
    });
    const document = await importEpub('made.epub', bytes, { maxBytes: 200 * MB });
    expect(document.title).toBe('Made for the test');
    expect(document.byline).toBe('Ann Author');
    expect(document.lang).toBe('fr');
    // "One" has no heading: its table-of-contents label becomes one.
    expect(document.text).toBe('The First\nCafé\u00a0au\u00a0lait and see part B.\nPart A\nAlpha.\nPart B\nBeta.');
    expect(document.toc.map((entry) => entry.label)).toEqual(['The First', 'The Second, Part B']);
    const root = parseFragment(document.html);
    const target = root.querySelector(`[id="${document.toc[1]!.anchor}"]`);
    expect(target?.textContent).toBe('Part B');
    expect(root.querySelector('a[href]')?.getAttribute('href')).toBe(`#${document.toc[1]!.anchor}`);
  });

  it('marks a right-to-left book as such and tolerates obfuscated fonts and media overlays', async () => {
    const arabic = 'كان يا ما كان في قديم الزمان';
    const bytes = makeEpub({
      opf: opf({
        metadata: '<dc:language>ar</dc:language>',
        manifest:
          '<item id="c" href="c.xhtml" media-type="application/xhtml+xml" media-overlay="mo"/><item id="mo" href="c.smil" media-type="application/smil+xml"/><item id="f" href="f.otf" media-type="application/vnd.ms-opentype"/>',
        spine: '<itemref idref="c"/>',
        spineAttributes: 'page-progression-direction="rtl"',
      }),
      files: { 'c.xhtml': xhtml('c', `<h1>حكاية</h1><p>${arabic}</p>`, 'ar'), 'c.smil': '<smil>not really</smil>', 'f.otf': Buffer.alloc(2048, 0x5a) },
      extra: [{ name: 'META-INF/encryption.xml', data: '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><EncryptedData/></encryption>' }],
    });
    const { document } = await importFile({ fileName: 'ar.epub', bytes });
    expect(document.dir).toBe('rtl');
    expect(document.lang).toBe('ar');
    expect(document.text).toBe(`حكاية\n${arabic}`);
  });

  it('keeps footnotes, endnotes and their references as the DPUB-ARIA roles of their epub:type', async () => {
    const ops = 'xmlns:epub="http://www.idpf.org/2007/ops"';
    const bytes = makeEpub({
      opf: opf({
        manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/><item id="n" href="n.xhtml" media-type="application/xhtml+xml"/>',
        spine: '<itemref idref="c"/><itemref idref="n"/>',
      }),
      files: {
        'c.xhtml': xhtml(
          'c',
          `<h1>One</h1><p ${ops}>Text<a epub:type="noteref" href="#f1">1</a> and<a epub:type="noteref" href="n.xhtml#e1">2</a>.</p>` +
            `<aside ${ops} epub:type="footnote" id="f1"><p>A footnote.</p></aside><p ${ops} epub:type="chapter bodymatter">Not a note.</p>`,
        ),
        'n.xhtml': xhtml('n', `<h1>Notes</h1><section ${ops} epub:type="rearnotes"><ol><li epub:type="rearnote" id="e1">An endnote.</li></ol></section>`),
      },
    });
    const document = await importEpub('notes.epub', bytes, { maxBytes: 200 * MB });
    const root = parseFragment(document.html);
    expect(Array.from(root.querySelectorAll('a')).map((link) => [link.getAttribute('role'), link.getAttribute('href')])).toEqual([
      ['doc-noteref', '#c1-f1'],
      ['doc-noteref', '#c2-e1'],
    ]);
    expect(root.querySelector('aside')?.getAttribute('role')).toBe('doc-footnote');
    expect(root.querySelector('section section, #c2 > section')?.getAttribute('role')).toBe('doc-endnotes');
    expect(root.querySelector('li')?.getAttribute('role')).toBe('doc-endnote');
    expect(root.querySelectorAll('[role]')).toHaveLength(5);
    expect(document.html).not.toContain('epub:');
  });

  it('reads a Japanese book that turns its pages right to left as left-to-right text', async () => {
    const bytes = makeEpub({
      opf: opf({
        metadata: '<dc:language>ja</dc:language>',
        manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>',
        spine: '<itemref idref="c"/>',
        spineAttributes: 'page-progression-direction="rtl"',
      }),
      files: { 'c.xhtml': xhtml('c', '<p>吾輩は猫である。名前はまだ無い。</p>', 'ja') },
    });
    const { document } = await importFile({ fileName: 'neko.epub', bytes });
    expect(document.lang).toBe('ja');
    expect(document.dir).toBe('ltr');
  });

  it('keeps the MathML of a book, with or without a prefix, as formulas whose text can be searched', async () => {
    const body = `<h1>Vectors</h1>
<p>A vector in <math xmlns="http://www.w3.org/1998/Math/MathML" alttext="\\mathbb{R}^n">
  <msup>
    <mi mathvariant="double-struck">R</mi>
    <mi>n</mi>
  </msup>
</math> is a list of <m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>n</m:mi></m:math> numbers.</p>
<math xmlns="http://www.w3.org/1998/Math/MathML" display="block" id="eq-norm">
  <mrow>
    <mo>‖</mo><mi mathvariant="bold">v</mi><mo>‖</mo>
    <mo>=</mo>
    <msqrt><msubsup><mi>v</mi><mn>1</mn><mn>2</mn></msubsup><mo>+</mo><mo>⋯</mo><mo>+</mo><msubsup><mi>v</mi><mi>n</mi><mn>2</mn></msubsup></msqrt>
  </mrow>
  <annotation-xml encoding="application/xhtml+xml"><p xmlns="http://www.w3.org/1999/xhtml">hidden twin</p></annotation-xml>
</math>
<p>See <a href="#eq-norm">the norm</a>.</p>`;
    const bytes = makeEpub({
      opf: opf({ manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml" properties="mathml"/>', spine: '<itemref idref="c"/>' }),
      files: { 'c.xhtml': xhtml('Vectors', body) },
    });
    const { document } = await importFile({ fileName: 'linear-algebra.epub', bytes });
    const root = parseFragment(document.html);
    const formulas = Array.from(root.querySelectorAll('math'));
    expect(formulas.map((math) => [math.namespaceURI, math.textContent])).toEqual([
      ['http://www.w3.org/1998/Math/MathML', 'ℝn'],
      ['http://www.w3.org/1998/Math/MathML', 'n'],
      ['http://www.w3.org/1998/Math/MathML', '‖ 𝐯 ‖ = v12 + ⋯ + vn2'],
    ]);
    expect(document.text).toBe('Vectors\nA vector in ℝn is a list of n numbers.\n‖ 𝐯 ‖ = v12 + ⋯ + vn2\nSee the norm.');
    // An equation is a link target like any other element of the book.
    expect(root.querySelector('a')?.getAttribute('href')).toBe(`#${formulas[2]!.id}`);
  });

  it('reads a Japanese novel whose chapter files have Japanese names that the zip does not flag as UTF-8', async () => {
    const nav = `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>目次</title></head>
<body><nav epub:type="toc"><ol><li><a href="第一章.xhtml">第一章「猫」</a></li><li><a href="%E7%AC%AC%E4%BA%8C%E7%AB%A0.xhtml#名前">第二章「名前」</a></li></ol></nav></body></html>`;
    const bytes = makeEpub({
      utf8Flag: false,
      opf: opf({
        metadata: '<dc:language>ja</dc:language>',
        manifest:
          '<item id="nav" href="目次.xhtml" media-type="application/xhtml+xml" properties="nav"/>' +
          '<item id="c1" href="第一章.xhtml" media-type="application/xhtml+xml"/>' +
          '<item id="c2" href="%E7%AC%AC%E4%BA%8C%E7%AB%A0.xhtml" media-type="application/xhtml+xml"/>' +
          '<item id="img" href="画像/猫.png" media-type="image/png"/>',
        spine: '<itemref idref="c1"/><itemref idref="c2"/>',
      }),
      files: {
        '目次.xhtml': nav,
        '第一章.xhtml': xhtml('第一章', '<h1>第一章　猫</h1><p>吾輩は猫である。<a href="第二章.xhtml#名前">名前</a>はまだ無い。</p><p><img src="画像/猫.png" alt="猫の絵"/></p>', 'ja'),
        '第二章.xhtml': xhtml('第二章', '<h1>第二章</h1><p id="名前">どこで生れたかとんと見当がつかぬ。</p>', 'ja'),
        '画像/猫.png': PNG_PIXELS,
      },
    });
    const document = await importEpub('neko.epub', bytes, { maxBytes: 200 * MB });
    expect(document.text).toBe('第一章　猫\n吾輩は猫である。名前はまだ無い。\n第二章\nどこで生れたかとんと見当がつかぬ。');
    expect(document.toc.map((entry) => entry.label)).toEqual(['第一章「猫」', '第二章「名前」']);
    const root = parseFragment(document.html);
    // The link between the chapters and the picture come through too.
    expect(root.querySelector(`[id="${root.querySelector('a')!.getAttribute('href')!.slice(1)}"]`)?.textContent).toBe('どこで生れたかとんと見当がつかぬ。');
    expect(root.querySelector('img')?.getAttribute('src')).toMatch(/^assets\/[0-9a-f]{20}\.png$/);
  });

  it('finds a chapter whose name the archive holds decomposed (as macOS writes it) from an href written composed', async () => {
    const name = 'がっこう.xhtml';
    const bytes = makeEpub({
      opf: opf({ manifest: `<item id="c" href="${name}" media-type="application/xhtml+xml"/>`, spine: '<itemref idref="c"/>' }),
      extra: [{ name: `OEBPS/${name.normalize('NFD')}`, data: xhtml('c', '<p>学校へ行く。</p>', 'ja') }],
    });
    expect(name.normalize('NFD')).not.toBe(name);
    expect((await importEpub('gakkou.epub', bytes, { maxBytes: 200 * MB })).text).toBe('学校へ行く。');
  });

  it('still reads an old archive name that is not UTF-8 as the zip format says (CP437)', async () => {
    // "caf\x82.xhtml" is "café.xhtml" in CP437, and not valid UTF-8.
    const bytes = makeEpub({
      utf8Flag: false,
      opf: opf({ manifest: '<item id="c" href="caf%C3%A9.xhtml" media-type="application/xhtml+xml"/>', spine: '<itemref idref="c"/>' }),
      extra: [{ name: 'OEBPS/café.xhtml', nameBytes: Buffer.from('OEBPS/caf\x82.xhtml', 'latin1'), data: xhtml('c', '<p>Un café.</p>'), utf8Flag: false }],
    });
    expect((await importEpub('cafe.epub', bytes, { maxBytes: 200 * MB })).text).toBe('Un café.');
  });

  it('says why a fixed-layout picture book came in with almost no text, and says nothing for a book of text', async () => {
    const page = (n: number, words: string): string => xhtml(`p${n}`, `<div><img src="p${n}.png" alt=""/></div>${words ? `<p>${words}</p>` : ''}`);
    const bytes = makeEpub({
      opf: opf({
        metadata: '<meta property="rendition:layout">pre-paginated</meta>',
        manifest:
          '<item id="p1" href="p1.xhtml" media-type="application/xhtml+xml"/><item id="p2" href="p2.xhtml" media-type="application/xhtml+xml"/>' +
          '<item id="i1" href="p1.png" media-type="image/png"/><item id="i2" href="p2.png" media-type="image/png"/>',
        spine: '<itemref idref="p1"/><itemref idref="p2"/>',
      }),
      files: { 'p1.xhtml': page(1, 'The Red'), 'p2.xhtml': page(2, 'Balloon'), 'p1.png': PNG_PIXELS, 'p2.png': PNG_PIXELS },
    });
    const picture = await importEpub('balloon.epub', bytes, { maxBytes: 200 * MB });
    expect(picture.text).toBe('The Red\nBalloon');
    expect(picture.note).toMatch(/^Imported with only 3 words of text: this is a fixed-layout book/);
    // The same note as a sentence, so the import summary says it in the interface language.
    expect(picture.noteSentence).toEqual({ id: 'core.import.epubFixedLayout', values: { words: 3 } });
    expect(book('moby-dick').document.note).toBeUndefined();
  });

  it('reads a chapter in the encoding its XML declaration names', async () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>D\xe9j\xe0 vu \xe0 la cr\xe8merie.</p></body></html>', 'latin1');
    const bytes = makeEpub({
      opf: opf({ manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>', spine: '<itemref idref="c"/>' }),
      files: { 'c.xhtml': latin1 },
    });
    expect((await importFile({ fileName: 'fr.epub', bytes })).document.text).toBe('Déjà vu à la crèmerie.');
  });

  it('never expands entities a chapter declares (billion laughs)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Before &c; after.</p></body></html>`;
    const bytes = makeEpub({
      opf: opf({ manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>', spine: '<itemref idref="c"/>' }),
      files: { 'c.xhtml': laughs },
    });
    const { document } = await importFile({ fileName: 'lol.epub', bytes });
    expect(document.text).not.toContain('lollol');
    expect(document.text).toContain('Before');
  });

  it('never takes a file name from the archive: entries named ../../x are not images of the book', async () => {
    const png = PNG_PIXELS;
    const bytes = makeEpub({
      opf: opf({ manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/><item id="i" href="pic.png" media-type="image/png"/>', spine: '<itemref idref="c"/>' }),
      files: { 'c.xhtml': xhtml('c', '<p>Text.</p><img src="../../../evil.png" alt="climbing"/><img src="pic.png" alt="inside"/>'), 'pic.png': png },
      extra: [
        { name: '../../evil.png', data: png },
        { name: '/etc/evil.png', data: png },
      ],
    });
    const { document } = await importFile({ fileName: 'evil.epub', bytes });
    expect(document.assets).toHaveLength(1);
    expect(document.assets[0]!.path).toMatch(/^assets\/[0-9a-f]{20}\.png$/);
    expect(Buffer.from(document.assets[0]!.bytes).equals(png)).toBe(true);
    // The picture outside the book is not shown; its alt text stands in for it.
    expect(document.text).toBe('Text.\nclimbing');
  });
});

describe('broken EPUBs, each with one clear sentence', () => {
  it('a truncated book', async () => {
    const bytes = readFileSync(bookFile('moby-dick'));
    expect(await importError('cut.epub', bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe(
      'This EPUB is damaged or incomplete: its zip archive cannot be read.',
    );
  });

  it('a text file named .epub', async () => {
    expect(await importError('notes.epub', Buffer.from('just some text, not a zip'))).toBe(
      'This EPUB is damaged or incomplete: its zip archive cannot be read.',
    );
  });

  it('a zip bomb: a small file that unpacks to far more than the limit', async () => {
    const chapter = xhtml('c', `<p>${'a'.repeat(8 * MB)}</p>`);
    const bytes = makeEpub({
      opf: opf({ manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>', spine: '<itemref idref="c"/>' }),
      files: { 'c.xhtml': chapter },
    });
    expect(bytes.length).toBeLessThan(MB / 8);
    expect(await importError('bomb.epub', bytes, MB)).toBe(
      'This EPUB unpacks to more than Quire allows (it may be a zip bomb); it was not imported.',
    );
  });

  it('a zip bomb whose headers lie about the size of an entry', async () => {
    const bytes = makeZip([
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: '<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>' },
      { name: 'c.opf', data: Buffer.alloc(64 * MB, 0x20), declaredSize: 1000 },
    ]);
    expect(await importError('liar.epub', bytes)).toBe('This EPUB unpacks to more than Quire allows (it may be a zip bomb); it was not imported.');
  });

  it('a chapter whose entry unpacks to less than its header says is left out, and the rest of the book reads', async () => {
    const manifest = ['a', 'b', 'c'].map((id) => `<item id="${id}" href="${id}.xhtml" media-type="application/xhtml+xml"/>`).join('');
    const bytes = makeEpub({
      opf: opf({ manifest, spine: '<itemref idref="a"/><itemref idref="b"/><itemref idref="c"/>' }),
      files: { 'a.xhtml': xhtml('A', '<p>Call me Ishmael.</p>') },
      extra: [
        { name: 'OEBPS/b.xhtml', data: xhtml('B', '<p>Cut short.</p>'), declaredSize: 10_000 },
        { name: 'OEBPS/c.xhtml', data: xhtml('C', '<p>Stored, not deflated.</p>'), store: true },
      ],
    });
    const { document } = await importFile({ fileName: 'cut.epub', bytes });
    expect(document.text).toBe('Call me Ishmael.\nStored, not deflated.');
  });

  it('a package file that is not XML', async () => {
    const bytes = makeEpub({ opf: '<package><metadata><dc:title>Broken</metadata>' });
    expect(await importError('bad.epub', bytes)).toBe("This EPUB's package file (OPF) is not valid XML, so its contents cannot be read.");
  });

  it('a zip with no package file', async () => {
    const bytes = makeZip([{ name: 'readme.txt', data: 'hello' }]);
    expect(await importError('empty.epub', bytes)).toBe('This EPUB has no package file (OPF), so Quire cannot find its chapters.');
  });

  it('a book whose chapters are all missing', async () => {
    const bytes = makeEpub({ opf: opf({ manifest: '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>', spine: '<itemref idref="c"/>' }) });
    expect(await importError('hollow.epub', bytes)).toBe('This EPUB has no chapter Quire can read.');
  });
});
