/**
 * What a real EPUB says about itself, read straight from its files with yauzl and plain text
 * matching (not with the importer's parser), so the tests compare the importer against the book.
 */
import yauzl from 'yauzl';

export async function zipTexts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const texts = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    if (!/\.(?:xml|opf|ncx|xhtml|html)$/i.test(entry.fileName)) continue;
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    texts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  zip.close();
  return texts;
}

const decode = (text: string): string =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ')
    .trim();

export interface BookTruth {
  title: string;
  creators: string[];
  language: string;
  /** archive paths of the linear spine documents, in order */
  spine: string[];
  /** labels of the navigation document's table of contents, in order */
  tocLabels: string[];
  texts: Map<string, string>;
}

export async function bookTruth(bytes: Buffer): Promise<BookTruth> {
  const texts = await zipTexts(bytes);
  const opfPath = /full-path="([^"]+)"/.exec(texts.get('META-INF/container.xml') ?? '')![1]!;
  const opf = texts.get(opfPath)!;
  const folder = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : '';
  const hrefOf = new Map<string, string>();
  let navHref: string | null = null;
  for (const item of opf.match(/<item\s[^>]*>/g) ?? []) {
    const id = /\sid="([^"]+)"/.exec(item)?.[1];
    const href = /\shref="([^"]+)"/.exec(item)?.[1];
    if (id && href) hrefOf.set(id, folder + href);
    if (/properties="[^"]*\bnav\b/.test(item)) navHref = folder + href;
  }
  const spine = (opf.match(/<itemref\s[^>]*>/g) ?? [])
    .filter((ref) => !/linear="no"/.test(ref))
    .map((ref) => hrefOf.get(/idref="([^"]+)"/.exec(ref)![1]!)!);
  const nav = navHref ? (texts.get(navHref) ?? '') : '';
  const tocNav = /<nav[^>]*epub:type="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(nav)?.[1] ?? '';
  return {
    title: decode(/<dc:title[^>]*>([\s\S]*?)<\/dc:title>/.exec(opf)![1]!),
    creators: [...opf.matchAll(/<dc:creator[^>]*>([\s\S]*?)<\/dc:creator>/g)].map((m) => decode(m[1]!)),
    language: decode(/<dc:language[^>]*>([\s\S]*?)<\/dc:language>/.exec(opf)![1]!),
    spine,
    tocLabels: [...tocNav.matchAll(/<a\s[^>]*href="[^"]*"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => decode(m[1]!)),
    texts,
  };
}

/** The text of the first heading of an XHTML file, as a reader sees it. */
export function firstHeadingText(xhtml: string): string | null {
  const match = /<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/.exec(xhtml.slice(xhtml.search(/<body/)));
  const text = match ? decode(match[2]!) : '';
  return text === '' ? null : text;
}
