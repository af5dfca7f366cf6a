/**
 * `replaceArticleText` is all or nothing: a write that fails midway, or a crash between the two
 * renames of the swap, leaves the article, its text and its annotations exactly as they were.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as atomicWrite from '../../../../electron/core/fs/atomic-write';
import { openQuire, type QuireCore } from '../../../../electron/core/open-quire';
import { SEED_FILE } from '../support/corpus';
import { createMemoryIndex, createMemoryIndexState } from '../support/memory-search-index';
import { useTempDir } from '../support/temp-dir';

vi.mock('../../../../electron/core/fs/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof atomicWrite>();
  return { ...actual, writeJsonAtomic: vi.fn(actual.writeJsonAtomic) };
});

const tempDir = useTempDir();
const writeJson = vi.mocked(atomicWrite.writeJsonAtomic);
const realWriteJson = writeJson.getMockImplementation()!;

afterEach(() => writeJson.mockImplementation(realWriteJson));

async function open(root: string): Promise<QuireCore> {
  const data = new Map<string, unknown>();
  return openQuire({
    libraryDir: path.join(root, 'library'),
    cacheDir: path.join(root, 'cache'),
    settings: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) },
    log: () => {},
    createIndex: (options) => createMemoryIndex(createMemoryIndexState(), options),
  });
}

/** An article with bookmarks and a new version of its text that moves every passage. */
async function annotatedArticle() {
  const root = tempDir();
  const quire = await open(root);
  const [outcome] = await quire.importPaths([SEED_FILE]);
  if (outcome?.status !== 'imported') throw new Error('seed not imported');
  const id = outcome.article.id;
  const text = (await quire.getContent(id)).text;
  for (const quote of ['Iraq is trying to bridge the views', 'the first Baghdad conference was held']) {
    await quire.createAnnotation({ articleId: id, kind: 'bookmark', passage: { quote }, color: 'green', note: quote });
  }
  const edited = path.join(root, 'edited.txt');
  const firstBreak = text.indexOf('\n'); // after the title, which a text file's first line is
  writeFileSync(edited, `${text.slice(0, firstBreak)}\nUpdate: a paragraph added here moves every passage.${text.slice(firstBreak)}`);
  return { root, quire, id, edited, articleDir: path.join(root, 'library', 'articles', id) };
}

/** Every file of the article folder with its bytes, so "as before" means byte for byte. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return files;
}

describe('new text for an article is written all or nothing', () => {
  it('an annotation file that cannot be written leaves the text, the annotations and article.json as they were', async () => {
    const { quire, id, edited, articleDir, root } = await annotatedArticle();
    const before = { files: snapshot(articleDir), article: await quire.getArticle(id), annotations: await quire.listAnnotations(id), content: await quire.getContent(id) };
    let annotationWrites = 0;
    writeJson.mockImplementation(async (file, value) => {
      // The second re-anchored annotation fails: the new text and the first one are written by then.
      if (file.includes(`${path.sep}annotations${path.sep}`) && ++annotationWrites === 2) throw new Error('EIO: the disk failed');
      return realWriteJson(file, value);
    });

    await expect(quire.replaceArticleText(id, edited)).rejects.toThrow('EIO');
    expect(annotationWrites).toBe(2);
    expect(snapshot(articleDir)).toEqual(before.files);
    expect(await quire.getArticle(id)).toEqual(before.article);
    expect(await quire.getContent(id)).toEqual(before.content);
    expect(await quire.listAnnotations(id)).toEqual(before.annotations);
    expect(readdirSync(path.join(root, 'library', 'articles'))).toEqual([id]); // no staging folder left
    await quire.close();

    // And the same after reopening: nothing on disk says otherwise.
    writeJson.mockImplementation(realWriteJson);
    const reopened = await open(root);
    expect(await reopened.getArticle(id)).toEqual(before.article);
    expect(await reopened.listAnnotations(id)).toEqual(before.annotations);
    await reopened.close();
  });

  it('a failing article.json write changes nothing either; the next try succeeds', async () => {
    const { quire, id, edited, articleDir } = await annotatedArticle();
    const before = snapshot(articleDir);
    writeJson.mockImplementation(async (file, value) => {
      if (path.basename(file) === 'article.json') throw new Error('ENOSPC: no space left');
      return realWriteJson(file, value);
    });
    await expect(quire.replaceArticleText(id, edited)).rejects.toThrow('ENOSPC');
    expect(snapshot(articleDir)).toEqual(before);

    writeJson.mockImplementation(realWriteJson);
    const outcome = await quire.replaceArticleText(id, edited);
    expect(outcome.anchors).toEqual({ exact: 2, fuzzy: 0, unplaced: 0 });
    const text = (await quire.getContent(id)).text;
    for (const annotation of await quire.listAnnotations(id)) {
      expect(text.slice(annotation.target!.position.start, annotation.target!.position.end)).toBe(annotation.note);
    }
    await quire.close();
  });

  it('a crash between the two renames of the swap is undone at the next open', async () => {
    const { quire, id, articleDir, root } = await annotatedArticle();
    const before = { files: snapshot(articleDir), annotations: await quire.listAnnotations(id) };
    await quire.close();
    // The state right after the first rename: the live folder aside, a complete staged copy.
    const articles = path.join(root, 'library', 'articles');
    renameSync(articleDir, path.join(articles, `.replaced-${id}`));
    mkdirSync(path.join(articles, `.tmp-${id}`));
    writeFileSync(path.join(articles, `.tmp-${id}`, 'text.txt'), 'new text');

    const reopened = await open(root);
    expect(snapshot(articleDir)).toEqual(before.files);
    expect(await reopened.listAnnotations(id)).toEqual(before.annotations);
    expect(readdirSync(articles)).toEqual([id]);
    await reopened.close();
  });

  it('a crash after the swap, before the old folder was deleted, keeps the new folder', async () => {
    const { quire, id, edited, articleDir, root } = await annotatedArticle();
    await quire.replaceArticleText(id, edited);
    const after = snapshot(articleDir);
    await quire.close();
    const aside = path.join(root, 'library', 'articles', `.replaced-${id}`);
    mkdirSync(aside);
    writeFileSync(path.join(aside, 'text.txt'), 'old text');

    const reopened = await open(root);
    expect(snapshot(articleDir)).toEqual(after);
    expect(existsSync(aside)).toBe(false);
    await reopened.close();
  });
});
