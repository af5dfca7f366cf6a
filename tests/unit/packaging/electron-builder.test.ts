import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getRawHeader } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../../electron/core/import-jobs/extract-protocol';
import { createImportPool } from '../../../electron/core/import-jobs/import-pool';
import { createSearchIndex } from '../../../electron/core/search';
import { e2eConfigOverrides } from '../../../scripts/packaged-app.mjs';
import { EPUB_DIR, SEED_FILE, webPageFile } from '../../support/corpus-paths';
import { makePdf } from '../core/importers/support/make-pdf';
import { SEED, articleDocuments, fingerprintOf, tempLibrary, webPage } from '../core/search/search-fixtures';
import { followDiskImports } from './disk-imports';
import { packWithStandInElectron, type PackedApp } from './stand-in-electron';

/**
 * What the installers would contain, checked offline: electron-builder validates its configuration
 * and runs its whole `--linux dir` pipeline (file selection, asar packing and unpacking, fuses)
 * against a stand-in Electron. The workers are then started from the packed layout in plain Node,
 * which cannot read an archive at all: what runs here needs nothing from app.asar.
 */
const require = createRequire(import.meta.url);
const root = path.resolve('.');
const work = mkdtempSync(path.join(tmpdir(), 'quire-packaging-'));

let packed: PackedApp;
/**
 * The build the Electron e2e specs launch, packed beside the shipped one: each pack keeps one
 * core busy for about ten seconds, and much of it is waiting on files. Its own test awaits it (and
 * reports its failure).
 */
let e2ePacked: Promise<PackedApp> | undefined;
const e2eWork = mkdtempSync(path.join(tmpdir(), 'quire-packaging-e2e-'));
/** files in app.asar itself, as `/out/main/index.js` */
let packedFiles: string[] = [];
/** files electron-builder moved to app.asar.unpacked, as `/out/worker/search-worker.js` */
let unpackedFiles: string[] = [];

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  unpacked?: boolean;
}

/** The files the archive's header lists, split by where they are: in the archive or moved out of it. */
function archiveFiles(archive: string): { packed: string[]; unpacked: string[] } {
  const found = { packed: [] as string[], unpacked: [] as string[] };
  const walk = (node: HeaderNode, at: string): void => {
    if (node.files === undefined) {
      found[node.unpacked === true ? 'unpacked' : 'packed'].push(at);
      return;
    }
    for (const [name, child] of Object.entries(node.files)) walk(child, `${at}/${name}`);
  };
  walk((getRawHeader(archive) as { header: HeaderNode }).header, '');
  return found;
}

/** Every file under `dir`, as `/relative/path` with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
}

beforeAll(async () => {
  if (!existsSync('out/renderer/index.html') || !existsSync('out/package.json')) {
    execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
    execFileSync(process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  e2ePacked = packWithStandInElectron(root, e2eWork, e2eConfigOverrides);
  // Not left unhandled when it fails: the test that awaits it fails with its error.
  e2ePacked.catch(() => undefined);
  packed = await packWithStandInElectron(root, work);
  const listed = archiveFiles(packed.archive);
  packedFiles = listed.packed;
  unpackedFiles = filesUnder(packed.unpackedDir);
  // The header and the folder agree on what was moved out.
  expect(unpackedFiles.toSorted()).toEqual(listed.unpacked.toSorted());
}, 240_000);

afterAll(async () => {
  await e2ePacked?.catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  rmSync(e2eWork, { recursive: true, force: true });
});

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig: (dir: string, file: string | null, extra: null) => Promise<Record<string, unknown>>;
      validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('app.quire.reader');
  });

  it('rejects a misspelt option, so the validation above can fail', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration({ appId: 'x', linux: { categoryy: 'Office' } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.linux/);
  });
});

describe('what the app ships (the linux dir build)', () => {
  it('keeps the app that main and the window load inside app.asar, under its integrity check', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/resources/icon.png', '/resources/sample-library/01-seed-article.txt', '/out/sample-library.json']) {
      expect(packedFiles, file).toContain(file);
    }
  });

  it("leaves the build's own tools out", () => {
    expect([...packedFiles, ...unpackedFiles].filter((file) => file.startsWith('/out/tools/'))).toEqual([]);
  });

  it('ships every script and stylesheet the renderer page loads', () => {
    const html = readFileSync(path.join(root, 'out/renderer/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => `/out/renderer/${match[1] ?? ''}`);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    for (const asset of assets) expect(packedFiles, asset).toContain(asset);
  });

  it('moves the workers, their chunks, the ES-module marker and the packages they import out of the archive', () => {
    for (const file of [
      '/out/package.json',
      '/out/worker/search-worker.js',
      '/out/worker/import-worker.js',
      '/out/worker/import-host.js',
      '/out/worker/library-watcher.js',
      '/out/worker/library-prefetch.js',
      '/node_modules/tinypool/dist/index.js',
      '/node_modules/tinypool/dist/entry/worker.js',
      '/node_modules/lunr/package.json',
      '/node_modules/lunr-languages/lunr.fr.js',
      '/node_modules/jsdom/package.json',
      '/node_modules/pdfjs-dist/legacy/build/pdf.mjs',
    ]) {
      expect(unpackedFiles, file).toContain(file);
    }
    // Nothing a worker loads is left only in the archive, where a thread started on disk cannot see it.
    expect(packedFiles.filter((file) => /^\/(out\/(worker|chunks)|node_modules)\//.test(file))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(packed.unpackedDir, 'out/package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it('lets every import of the workers resolve on disk inside app.asar.unpacked', () => {
    const shipped = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const graph = followDiskImports(
      packed.unpackedDir,
      ['out/worker/search-worker.js', 'out/worker/import-worker.js', 'out/worker/import-host.js', 'out/worker/library-watcher.js', 'node_modules/tinypool/dist/entry/worker.js'].map((file) =>
        path.join(packed.unpackedDir, file),
      ),
      // Stemmers (lunr-languages) are required by name at run time; every production dependency counts.
      Object.keys(shipped.dependencies),
    );
    expect(graph.missing).toEqual([]);
    expect([...graph.files].some((file) => file.includes(`${path.sep}chunks${path.sep}`))).toBe(true);
    expect(graph.packages.has(path.join(packed.unpackedDir, 'node_modules', 'lunr'))).toBe(true);
  });

  /** A file of node_modules as the app ships it, checked to be the one installed (patched) here. */
  const shippedAsInstalled = (file: string): string => {
    const shipped = readFileSync(path.join(packed.unpackedDir, file), 'utf8');
    expect(shipped, file).toBe(readFileSync(path.join(root, file), 'utf8'));
    return shipped;
  };

  it('ships linkedom as patched at install (patches/): listeners kept only once one is added, tag lists matched by name, elements made faster', () => {
    for (const build of ['esm', 'cjs']) {
      const file = `node_modules/linkedom/${build}/interface/event-target.js`;
      const shipped = shippedAsInstalled(file);
      // linkedom as published gives every node an entry in its listener map from its constructor
      expect(shipped, file).not.toContain('wm.set(this, new Map)');
      expect(shipped, file).toContain('wm.set(this, map = new Map)');
      // compiles every selector with css-select, a list of tag names too, and lower-cases every name it compares
      const matches = shippedAsInstalled(`node_modules/linkedom/${build}/shared/matches.js`);
      expect(matches, build).toContain('TAG_LIST.test(selectors) ? tagListMatch(element, selectors)');
      expect(matches, build).toContain('ignoreCase(element) ? lowerCase(localName) : localName');
      // makes each element's end marker as an object literal with symbol keys, upper-cases every name getElementsByTagName passes
      const parentNode = shippedAsInstalled(`node_modules/linkedom/${build}/mixin/parent-node.js`);
      expect(parentNode, build).toContain('this[NEXT] = this[END] = new NodeEnd(this);');
      expect(parentNode, build).toContain('(mayBeUpperCased && localCase(next) === tagName)');
      // and gathers an element's text in an array
      expect(shippedAsInstalled(`node_modules/linkedom/${build}/interface/element.js`), build).toContain('text += next[VALUE];');
    }
  });

  it('ships Readability as patched at install (patches/): no text, style or serialization made that is not used', () => {
    const shipped = shippedAsInstalled('node_modules/@mozilla/readability/Readability.js');
    // Readability as published takes every node's text while looking for a byline,
    expect(shipped).toContain('      return false;\n    }\n    var bylineLength = node.textContent.trim().length;');
    // makes every element's style declaration,
    expect(shipped).toContain('(!hasStyle || !node.style || node.style.display != "none")');
    // and serializes the article for a log it does not write
    expect(shipped).toContain('if (this._debug) {\n      this.log("Grabbed: " + articleContent.innerHTML);');
  });

  it('ships Tinypool as patched at install (patches/): a worker ended while starting is started again for its file', () => {
    const shipped = shippedAsInstalled('node_modules/tinypool/dist/index.js');
    // Tinypool as published ends recycleWorkers with _ensureMinimumWorkers() alone
    const recycle = shipped.slice(shipped.indexOf('async recycleWorkers(_options'));
    expect(recycle.slice(0, recycle.indexOf('\n\t}\n'))).toContain('this._ensureEnoughWorkersForTaskQueue();');
  });

  it('leaves out sources, tests, source maps, build resources and development tools, packed or unpacked', () => {
    const forbidden = [...packedFiles, ...unpackedFiles].filter(
      (file) =>
        /^\/(electron|renderer|tests|scripts|build|docs|bench|bin|\.ci|\.github)\//.test(file) ||
        /\.(map|tsx?|mts|cts)$/.test(file) ||
        /^\/node_modules\/(electron|electron-builder|vitest|vite|typescript|eslint|@playwright|playwright|node|esbuild|react|react-dom)\//.test(file),
    );
    expect(forbidden).toEqual([]);
  });

  it('flips the Electron fuses of the security checklist', async () => {
    const fuses = await getCurrentFuseWire(path.join(packed.appDir, 'quire'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });
});

describe('the build the Electron e2e specs launch (npm run package:e2e)', () => {
  it('is the shipped build with the Node inspector fuse on, and nothing else changed', async () => {
    const e2e = await e2ePacked!;
    const shipped = await getCurrentFuseWire(path.join(packed.appDir, 'quire'));
    const forPlaywright = await getCurrentFuseWire(path.join(e2e.appDir, 'quire'));
    expect(forPlaywright[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.ENABLE);
    expect({ ...forPlaywright, [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE }).toEqual(shipped);
    expect(filesUnder(e2e.unpackedDir)).toEqual(unpackedFiles);
    expect(archiveFiles(e2e.archive).packed).toEqual(packedFiles);
  }, 240_000);
});

describe('the workers, started from the packed layout in plain Node (no archive support)', () => {
  it('the search worker indexes English and French articles and finds them', async () => {
    const library = tempLibrary();
    const lemonde = webPage('lemonde-1');
    const french = { id: 'lemonde-page', title: lemonde.title, text: lemonde.text };
    library.write(SEED);
    library.write(french);
    process.env.QUIRE_SEARCH_WORKER = path.join(packed.unpackedDir, 'out/worker/search-worker.js');
    const index = createSearchIndex({ indexDir: library.indexDir, libraryDir: library.libraryDir });
    try {
      await index.open([]);
      await index.replaceArticles([
        { fingerprint: fingerprintOf(SEED), documents: articleDocuments(SEED) },
        // French: the worker loads lunr-languages' French stemmer by name from node_modules.
        { fingerprint: fingerprintOf(french), documents: articleDocuments(french).map((doc) => ({ ...doc, lang: 'fr' })) },
      ]);
      expect((await index.search('hussein')).hits.map((hit) => hit.articleId)).toEqual(['seed-article']);
      const frenchWord = lemonde.text.match(/\b[a-zé]{8,}\b/u)?.[0] ?? 'gouvernement';
      expect((await index.search(frenchWord)).hits.map((hit) => hit.articleId)).toContain('lemonde-page');
    } finally {
      await index.close();
      delete process.env.QUIRE_SEARCH_WORKER;
      library.remove();
    }
  }, 60_000);

  it('the import host started from app.asar.unpacked runs the import worker on a web page, Markdown, an EPUB and a PDF', async () => {
    const pool = createImportPool({
      threads: 1,
      paths: {
        host: path.join(packed.unpackedDir, 'out/worker/import-host.js'),
        worker: path.join(packed.unpackedDir, 'out/worker/import-worker.js'),
        tinypool: path.join(packed.unpackedDir, 'node_modules/tinypool/dist/index.js'),
      },
    });
    const markdown = path.join(work, 'rivers.md');
    writeFileSync(markdown, '# Desert Rivers\n\nThe Tigris and the Euphrates meet at Qurna.\n');
    const pdf = path.join(work, 'tides.pdf');
    writeFileSync(pdf, await makePdf([{ heading: 'Tide tables', paragraphs: [['High water at six.']] }], { title: 'Tide tables' }));
    const epub = path.join(EPUB_DIR, 'trees.epub');
    const extract = (filePath: string): Promise<ExtractResult> => pool.extract({ fileName: path.basename(filePath), filePath });
    try {
      const titles: Record<string, string> = {};
      for (const file of [webPageFile('lemonde-1'), markdown, epub, pdf, SEED_FILE]) {
        const result = await extract(file);
        if (!result.ok) throw new Error(`${path.basename(file)}: ${result.reason} ${result.unexpected ?? ''}`);
        titles[path.basename(file)] = result.article.document.title;
      }
      expect(titles['rivers.md']).toBe('Desert Rivers');
      expect(titles['tides.pdf']).toBe('Tide tables');
      expect(titles['source.html']).toBe(webPage('lemonde-1').title);
      expect(titles['trees.epub']).not.toBe('');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
