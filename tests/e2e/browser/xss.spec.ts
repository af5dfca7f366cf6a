/**
 * No script ever runs from content (docs/security.md): the corpus in tests/fixtures/xss is placed
 * in an HTML page, an EPUB (XML and HTML chapters, title, author, table of contents), Markdown (raw
 * HTML, link syntax, front matter), tags and notes, imported through the real UI and the API, and
 * shown in every view that renders user content. The traps must stay silent, and no CSP violation
 * may be needed: browser mode's CSP would also stop an inline handler, so a sanitizer hole would
 * show up as a violation instead of as a run script, and that counts as a failure too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { ZipFile } from 'yazl';
import type { Annotation, ArticleMeta } from '../../../electron/shared/models';
import { expect, test } from '../support/browser-mode';
import { BookmarksPage, callApi, LibraryPage, NotesPage, ReaderPage, SearchBox } from '../support/pages';

const FIXTURES = path.resolve('tests/fixtures/xss');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

interface Payload {
  id: string;
  html: string;
}

/** `<id> <payload>` lines; `#` comments and blank lines are skipped. */
function readPayloads(name: string): Payload[] {
  return fixture(name)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.indexOf(' ');
      return { id: line.slice(0, space), html: line.slice(space + 1) };
    });
}

const PAYLOADS = readPayloads('payloads.txt');
const SHORT_PAYLOADS = readPayloads('short-payloads.txt');
const MARKDOWN_LINKS = fixture('markdown-links.md');

/** Everything that would show that content ran code, made the page do something, or was stopped by the CSP. */
interface Traps {
  fired: string[];
}

/**
 * Installs the traps before any page script: `top.__pwned(id)` (what every payload calls),
 * alert/confirm/prompt/print, CSP violations, dialogs, popups and navigations away from the app.
 */
async function armTraps(context: BrowserContext, page: Page, appOrigin: string): Promise<Traps> {
  const traps: Traps = { fired: [] };
  // A binding outlives navigations and reaches every frame, so a payload that reloads the page or
  // runs in a frame is still heard.
  await context.exposeFunction('__pwned', (id: unknown) => traps.fired.push(`__pwned(${String(id)})`));
  await context.exposeFunction('__xssReport', (what: unknown) => traps.fired.push(String(what)));
  await context.addInitScript(() => {
    const report = (what: string): void => {
      void (window as unknown as { __xssReport?: (what: string) => Promise<void> }).__xssReport?.(what);
    };
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => {
          report(`${name}(${args.map(String).join(', ')})`);
          return null;
        },
      });
    }
    document.addEventListener(
      'securitypolicyviolation',
      (event) => report(`CSP ${event.violatedDirective} blocked ${event.blockedURI} (${event.sample})`),
      true,
    );
  });
  page.on('dialog', (dialog) => {
    traps.fired.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/pwned|xss/i.test(message.text())) traps.fired.push(`console: ${message.text()}`);
  });
  context.on('page', (popup) => traps.fired.push(`popup ${popup.url()}`));
  page.on('framenavigated', (frame) => {
    const url = frame.url();
    if (!url.startsWith(appOrigin) && url !== 'about:blank' && url !== 'about:srcdoc') {
      traps.fired.push(`navigation of ${frame === page.mainFrame() ? 'the page' : 'a frame'} to ${url}`);
    }
  });
  return traps;
}

/**
 * Mutation-XSS and dangling-markup payloads leave the parser inside foreign content, a comment or
 * an attribute, which swallows whatever follows them in the same document (the sanitizer then
 * rightly drops it all). Each of them gets an EPUB chapter of its own (chapters are parsed one by
 * one), and the web page and Markdown file of the other payloads carry none of them, so every
 * payload still reaches the reader; the spec checks that each one did.
 */
const leavesParserOpen = (payload: Payload): boolean => /^(?:mxss-|dangling-)/.test(payload.id);
const WELL_BEHAVED = PAYLOADS.filter((p) => !leavesParserOpen(p));
const SWALLOWING = PAYLOADS.filter(leavesParserOpen);
/** EPUB chapters */
const GROUPS: Payload[][] = [WELL_BEHAVED, ...SWALLOWING.map((p) => [p])];
/** web pages and Markdown files */
const DOCUMENTS: Payload[][] = [WELL_BEHAVED, SWALLOWING];
/** The marker before each payload: the spec finds it in the reader to know the payload got there. */
const marker = (payload: Payload): string => `Payload ${payload.id}:`;
const PROSE = 'the next element is hostile, and the reader must show it as harmless text or not at all.';

/** An HTML page of one group (head payloads are in the fixture); `[n]` keeps titles apart. */
const htmlPage = (group: Payload[], n: number): string =>
  fixture('page.html')
    .replaceAll('HTML payloads', `HTML payloads [${n}]`)
    .replace('<!-- PAYLOADS -->', group.map((p) => `<p>${marker(p)} ${PROSE}</p>\n${p.html}`).join('\n'));

/** Markdown of one group: front matter with payload title, author and tags, link syntax, then raw HTML blocks. */
const markdownFile = (group: Payload[], n: number): string =>
  [
    '---',
    `title: ${JSON.stringify(`<img src=x onerror=top.__pwned('md-front-title')> Markdown payloads [${n}]`)}`,
    `author: ${JSON.stringify("<script>top.__pwned('md-front-author')</script>")}`,
    `tags: ${JSON.stringify(SHORT_PAYLOADS.slice(0, 4).map((p) => p.html))}`,
    '---',
    '',
    ...(n === 0 ? [MARKDOWN_LINKS] : []),
    ...group.map((p) => `${marker(p)} ${PROSE}\n\n${p.html}\n`),
  ].join('\n');

/** An EPUB 3: a well-formed XHTML chapter, then one chapter per group that is not XML (read as HTML). */
function epubFile(): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false });
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'META-INF/container.xml',
  );
  const chapters = GROUPS.map((_, n) => `chapter-html-${n}`);
  const opf = fixture('epub/content.opf')
    .replace(
      /<!-- ITEMS[^>]*-->/,
      chapters.map((c) => `<item id="${c}" href="${c}.xhtml" media-type="application/xhtml+xml"/>`).join('\n'),
    )
    .replace('<!-- ITEMREFS -->', chapters.map((c) => `<itemref idref="${c}"/>`).join('\n'));
  zip.addBuffer(Buffer.from(opf), 'OEBPS/content.opf');
  for (const name of ['nav.xhtml', 'chapter-xml.xhtml']) {
    zip.addBuffer(readFileSync(path.join(FIXTURES, 'epub', name)), `OEBPS/${name}`);
  }
  GROUPS.forEach((group, n) => {
    const chapter =
      '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>HTML chapter</title></head><body>\n' +
      `<h2>HTML chapter ${n}</h2>\n` +
      group.map((p) => `<p>${marker(p)} ${PROSE}</p>\n${p.html}`).join('\n') +
      '\n</body></html>';
    zip.addBuffer(Buffer.from(chapter), `OEBPS/${chapters[n]}.xhtml`);
  });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * What the sanitizer must never let through into rendered content, checked on the live DOM: no
 * element that runs, embeds or restyles, no event handler or other dangerous attribute, and no URL
 * that resolves to anything but http(s) or mailto.
 */
async function unsafeMarkup(region: Locator): Promise<string[]> {
  return region.evaluateAll((roots) => {
    const forbiddenTags = new Set([
      'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'style', 'link', 'meta',
      'base', 'form', 'input', 'button', 'textarea', 'select', 'template', 'noscript', 'video', 'audio', 'source',
      'picture', 'area', 'map', 'portal', 'marquee',
    ]);
    const forbiddenAttributes = new Set([
      'style', 'srcdoc', 'srcset', 'formaction', 'action', 'background', 'poster', 'ping', 'xlink:href', 'data',
      'autofocus', 'popover', 'popovertarget', 'usemap',
    ]);
    // Resolved as the browser would follow it (tabs, newlines and leading controls stripped): a
    // relative link stays on the app's own http origin and the link handler ignores it; any other
    // scheme (javascript:, data:, vbscript:, file:…) is a hole.
    const safeUrl = (value: string): boolean => {
      try {
        return ['http:', 'https:', 'mailto:'].includes(new URL(value, location.href).protocol);
      } catch {
        return false;
      }
    };
    // Formulas are kept as MathML Core: its layout elements only (no maction, annotation-xml,
    // mglyph), and no MathML element may be a link or load anything.
    const mathml = 'http://www.w3.org/1998/Math/MathML';
    const mathmlCore = new Set([
      'math', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded',
      'mphantom', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'none',
      'mtable', 'mtr', 'mtd', 'semantics',
    ]);
    const found: string[] = [];
    for (const root of roots) {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        const tag = element.localName;
        if (forbiddenTags.has(tag)) found.push(`<${tag}>`);
        if (element.namespaceURI === mathml && !mathmlCore.has(tag)) found.push(`<${tag}> (MathML)`);
        if (element.namespaceURI === mathml && (element.hasAttribute('href') || element.hasAttribute('src'))) found.push(`<${tag}> (MathML link)`);
        for (const attribute of Array.from(element.attributes)) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on') || forbiddenAttributes.has(name)) found.push(`<${tag} ${name}="${attribute.value}">`);
          if ((name === 'href' || name === 'src') && !safeUrl(attribute.value)) found.push(`<${tag} ${name}="${attribute.value}">`);
        }
      }
    }
    return found;
  });
}

/**
 * Acts on rendered content the way a user (or an attacker's lure) would: hovers and focuses every
 * element and clicks every link that is not an external http(s) one (those open a new browser
 * tab, which is allowed, and would leave the app's origin).
 */
async function poke(region: Locator): Promise<void> {
  await region.evaluateAll((roots) => {
    for (const root of roots) {
      for (const element of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart', 'toggle', 'load', 'error']) {
          element.dispatchEvent(new Event(type, { bubbles: true }));
        }
        const href = element.getAttribute('href');
        if (element.localName === 'a' && href !== null && !/^https?:/i.test(href)) element.click();
      }
    }
  });
}

/** Everything in the page that could run: an on* attribute anywhere (React never writes one) or a stray element. */
async function unsafeAnywhere(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.toLowerCase().startsWith('on')) found.push(`<${element.localName} ${attribute.name}>`);
      }
    }
    const scripts = Array.from(document.scripts).filter((script) => !script.src.startsWith(location.origin));
    for (const script of scripts) found.push(`<script> ${script.src || script.text.slice(0, 60)}`);
    for (const element of Array.from(document.querySelectorAll('iframe, object, embed, base, meta[http-equiv="refresh" i]'))) {
      found.push(`<${element.localName}>`);
    }
    return found;
  });
}

/** Opens an article from the library list, scrolling it as a user would (rows far from view are not rendered). */
async function openFromLibrary(page: Page, title: string): Promise<void> {
  const button = page.getByRole('main').getByRole('button', { name: title, exact: true });
  const view = page.getByRole('main');
  await view.evaluate((el) => el.scrollTo(0, 0));
  for (let step = 0; step < 100 && (await button.count()) === 0; step += 1) {
    await view.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.7));
  }
  await button.click();
}

test('the traps fire when content does run: an unsanitized payload is caught', async ({ page, context, quire }) => {
  const traps = await armTraps(context, page, quire.origin);
  await page.goto(quire.url);
  await expect(new LibraryPage(page).articleButton(/Welcome to Quire/)).toBeVisible();
  // What the sanitizer would remove, put into the page as it is: the CSP refuses the handler
  // (the violation trap), and a script that runs anyway calls the global.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = `<img src="data:," onerror="top.__pwned('control')">`;
    document.body.append(div);
  });
  await page.evaluate(() => (window as unknown as { __pwned: (id: string) => Promise<void> }).__pwned('control-call'));
  await page.evaluate(() => window.alert('control-alert'));
  await expect.poll(() => traps.fired.join('\n')).toMatch(/CSP script-src/);
  expect(traps.fired).toContain('__pwned(control-call)');
  expect(traps.fired).toContain('alert(control-alert)');
});

test(`no script runs from ${PAYLOADS.length + SHORT_PAYLOADS.length} payloads in pages, EPUB, Markdown, titles, tags and notes`, async ({
  page,
  context,
  quire,
  consoleErrors,
}) => {
  test.setTimeout(150_000);
  const traps = await armTraps(context, page, quire.origin);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(quire.url);
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();

  // Import through the UI, as a user picking files would.
  await page.getByLabel('Import files').setInputFiles([
    { name: 'payloads.epub', mimeType: 'application/epub+zip', buffer: await epubFile() },
    ...DOCUMENTS.flatMap((group, n) => [
      { name: `payloads-${n}.html`, mimeType: 'text/html', buffer: Buffer.from(htmlPage(group, n)) },
      { name: `payloads-${n}.md`, mimeType: 'text/markdown', buffer: Buffer.from(markdownFile(group, n)) },
    ]),
  ]);
  const files = 1 + 2 * DOCUMENTS.length;
  await expect(library.importSummary).toContainText(`Imported ${files}`, { timeout: 90_000 });

  // Payload titles and authors, tags and notes through the API (as the UI's own calls are made).
  const articles = (await callApi<ArticleMeta[]>(page, 'listArticles')).filter((a) => /payloads/i.test(a.title));
  expect(articles).toHaveLength(files);
  const ids = articles.map((a) => a.id);
  await callApi(page, 'tagArticles', ids, SHORT_PAYLOADS.map((p) => p.html));
  const note = `${fixture('notes.md')}\n${MARKDOWN_LINKS}`;
  const noteOnPassage = PAYLOADS.map((p) => p.html).join('\n\n');
  // One article of each format carries the notes: enough for every view, without a copy of the
  // corpus per article.
  const annotated = ['html', 'md', 'epub'].map((format) => articles.find((a) => a.format === format)!.id);
  for (const id of annotated) {
    await callApi<Annotation>(page, 'createAnnotation', { articleId: id, kind: 'note', note });
    await callApi<Annotation>(page, 'createAnnotation', {
      articleId: id,
      kind: 'bookmark',
      passage: { start: 0, end: 10 },
      color: 'pink',
      note: noteOnPassage,
    });
  }

  // The library list: titles, authors, sites and tags are text, shown as written.
  await page.reload();
  const list = page.getByRole('list', { name: 'Articles' });
  await expect(list).toContainText('Markdown payloads');
  await expect(list).toContainText("<img src=x onerror=top.__pwned('md-front-title')>");
  await expect(list).toContainText("<img src=x onerror=top.__pwned('s-img')>");
  expect(await unsafeAnywhere(page)).toEqual([]);

  // Every article in the reader: each payload got there, the sanitized DOM holds nothing unsafe,
  // and poking it runs nothing.
  const reached = { html: new Set<string>(), md: new Set<string>(), epub: new Set<string>() };
  for (const article of articles) {
    await openFromLibrary(page, article.title);
    await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
    await expect(reader.article).toContainText('Payload');
    const text = (await reader.article.textContent()) ?? '';
    for (const payload of PAYLOADS) if (text.includes(marker(payload))) reached[article.format as keyof typeof reached]?.add(payload.id);
    expect(await unsafeMarkup(reader.article), `${article.format} article`).toEqual([]);
    expect(await unsafeMarkup(page.locator('.annotation-panel .note-text')), `${article.format} panel notes`).toEqual([]);
    await poke(reader.article);
    await poke(page.locator('.annotation-panel'));
    expect(await unsafeAnywhere(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back to library' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  }

  // EPUB parses each chapter alone, so every payload must reach the reader from it; Markdown goes
  // to the sanitizer whole, so every well-behaved one must; Readability keeps only what it takes
  // for the article, so a web page may lose a few.
  const missing = (from: Set<string>, payloads: Payload[]): string[] => payloads.map((p) => p.id).filter((id) => !from.has(id));
  expect(missing(reached.epub, PAYLOADS), 'payloads that never reached the reader from EPUB').toEqual([]);
  expect(missing(reached.md, WELL_BEHAVED), 'payloads that never reached the reader from Markdown').toEqual([]);
  expect(missing(reached.html, WELL_BEHAVED).length, 'payloads lost on the way from a web page').toBeLessThan(WELL_BEHAVED.length * 0.2);

  // Notes and Bookmarks: the notes' Markdown rendered, with raw HTML and javascript: links refused.
  const notes = new NotesPage(page);
  await notes.open();
  const noteTexts = page.locator('.note-text');
  await expect(noteTexts.first()).toContainText('nothing else runs');
  expect(await unsafeMarkup(noteTexts), 'notes view').toEqual([]);
  await poke(noteTexts);
  const bookmarks = new BookmarksPage(page);
  await bookmarks.open();
  await expect(page.locator('.bookmark-item .note-text').first()).toBeVisible();
  expect(await unsafeMarkup(page.locator('.bookmark-item .note-text')), 'bookmarks view').toEqual([]);
  await poke(page.locator('.bookmark-item'));
  expect(await unsafeAnywhere(page)).toEqual([]);

  // Search snippets: text that looks like markup stays text; only <mark> is markup.
  const search = new SearchBox(page);
  for (const query of ['zqxcanary', 'zqxnote', 'onerror']) {
    await search.search(query);
    await expect(search.results.locator('.search-hit-snippet').first()).toBeVisible();
    const snippets = search.results.locator('.search-hit-snippet');
    expect(await snippets.evaluateAll((all) => all.flatMap((s) => Array.from(s.querySelectorAll('*')).map((e) => e.localName))).then((tags) => tags.filter((t) => t !== 'mark'))).toEqual([]);
    await poke(search.results);
    await search.input.press('Escape');
  }
  await search.search('zqxcanary');
  await expect(search.results).toContainText('onerror=top.__pwned');

  // Give timers, animations and late loads a moment to fire before the verdict.
  await page.waitForTimeout(500);
  expect(await unsafeAnywhere(page)).toEqual([]);
  expect(traps.fired).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
