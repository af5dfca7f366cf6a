// A long book for measuring and testing: the corpus's Moby-Dick EPUB (about 216,000 words, 144
// documents in its spine) with its spine repeated `copies` times, each copy's documents under new
// names, and a table of contents that lists every copy. Five copies make a book of about
// 1,080,000 words. Written with yazl, deterministic (fixed dates), so every run reads the same bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';

const ROOT = path.resolve(import.meta.dirname, '..');
export const MOBY_DICK_EPUB = path.join(ROOT, 'tests', 'fixtures', 'corpus', 'epub', 'moby-dick.epub');
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

/** Every entry of a zip, as name → bytes. */
async function unzip(bytes) {
  const zip = await new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries = new Map();
  await new Promise((resolve, reject) => {
    zip.on('entry', (entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

const copyName = (copy, href) => (copy === 1 ? href : `copy${copy}-${href}`);

/**
 * The EPUB's bytes. `copies`: how many times the spine is repeated (5: about a million words).
 * `chapterMark(copy, href)`: optional words added at the start of each document, so a test can
 * tell the copies apart.
 */
export async function longBookEpub({ copies = 5, source = MOBY_DICK_EPUB, title } = {}) {
  const entries = await unzip(readFileSync(source));
  const opfName = [...entries.keys()].find((name) => name.endsWith('.opf'));
  const folder = path.posix.dirname(opfName);
  let opf = entries.get(opfName).toString('utf8');
  const spineHrefs = [];
  const spineIds = [];
  const items = new Map();
  for (const match of opf.matchAll(/<item\b[^>]*>/g)) {
    const id = /\bid="([^"]+)"/.exec(match[0])?.[1];
    const href = /\bhref="([^"]+)"/.exec(match[0])?.[1];
    if (id && href) items.set(id, href);
  }
  for (const match of opf.matchAll(/<itemref\b[^>]*idref="([^"]+)"[^>]*>/g)) {
    spineIds.push(match[1]);
    spineHrefs.push(items.get(match[1]));
  }
  const out = new yazl.ZipFile();
  const add = (name, bytes) => out.addBuffer(bytes, name, { mtime: FIXED_DATE, compress: name !== 'mimetype' });
  add('mimetype', Buffer.from('application/epub+zip'));
  const manifest = [];
  const spine = [];
  const contents = [];
  const navName = [...entries.keys()].find((name) => /toc\.xhtml$/.test(name));
  const navLabels = new Map();
  for (const link of (navName ? entries.get(navName).toString('utf8') : '').matchAll(/<a\s+href="([^"#]+)(?:#[^"]*)?"\s*>([\s\S]*?)<\/a>/g)) {
    if (!navLabels.has(link[1])) navLabels.set(link[1], link[2].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
  }
  for (let copy = 1; copy <= copies; copy += 1) {
    for (const [index, href] of spineHrefs.entries()) {
      const name = copyName(copy, href);
      // The first copy is the book's own documents, under their own ids.
      const id = copy === 1 ? spineIds[index] : `copy${copy}-item${index}`;
      if (copy > 1) manifest.push(`<item id="${id}" href="${name}" media-type="application/xhtml+xml"/>`);
      spine.push(`<itemref idref="${id}"/>`);
      const label = navLabels.get(href) ?? href;
      contents.push(`<li><a href="${name}">${copies > 1 ? `Copy ${copy}: ` : ''}${label}</a></li>`);
      if (copy > 1) add(path.posix.join(folder, name), entries.get(path.posix.join(folder, href)));
    }
  }
  for (const [name, bytes] of entries) {
    if (name === 'mimetype' || name === opfName) continue;
    add(name, bytes);
  }
  const nav = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head>
<body><nav epub:type="toc"><ol>${contents.join('')}</ol></nav></body></html>`;
  add(path.posix.join(folder, 'long-book-nav.xhtml'), Buffer.from(nav));
  manifest.push('<item id="long-book-nav" properties="nav" href="long-book-nav.xhtml" media-type="application/xhtml+xml"/>');
  opf = opf
    .replace(/\sproperties="nav"/, '')
    .replace(/<spine\b([^>]*)>[\s\S]*?<\/spine>/, (_whole, attributes) => `<spine${attributes}>${spine.join('')}</spine>`)
    .replace(/<\/manifest>/, `${manifest.join('')}</manifest>`);
  if (title) opf = opf.replace(/<dc:title([^>]*)>[^<]*<\/dc:title>/, `<dc:title$1>${title}</dc:title>`);
  add(opfName, Buffer.from(opf));
  out.end();
  const chunks = [];
  for await (const chunk of out.outputStream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
