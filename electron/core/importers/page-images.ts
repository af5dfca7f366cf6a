/**
 * The images of a web page imported from disk that sit in the page's own folder or below it (what
 * "Save page, complete" writes beside the page); `data:` images are kept by the sanitizer. Each is stored by the asset collector and its `<img>` marked with a
 * `quire-asset:` address that survives Readability (which makes relative addresses absolute);
 * `withAssetPaths` then turns the marks into the `assets/<name>` paths the article folder has.
 * Remote images are never fetched here.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readUserFileSync } from '../fs/read-user-file';
import type { AssetCollector } from './asset-collector';

const MARK = 'quire-asset:';
/** One image file larger than this is not a picture in an article. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** A file beside the page (never above its folder), or null. */
function localImage(src: string, pageFile: string): Uint8Array | null {
  let target: string;
  try {
    const url = new URL(src, pathToFileURL(path.resolve(pageFile)));
    if (url.protocol !== 'file:') return null;
    target = path.resolve(fileURLToPath(url));
  } catch {
    return null;
  }
  const folder = path.dirname(path.resolve(pageFile));
  const relative = path.relative(folder, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  try {
    // A page may name a pipe or a device as its image: only regular files are read.
    return readUserFileSync(target, { maxBytes: MAX_IMAGE_BYTES, tooLarge: () => new Error('too large') });
  } catch {
    return null;
  }
}

/**
 * Stores the page's keepable images and marks their `<img>` elements.
 * @param pageFile the page's path on disk, when it was imported from a file
 */
export function collectPageImages(doc: Document, assets: AssetCollector, pageFile: string | null): void {
  for (const img of Array.from(doc.querySelectorAll('img[src]'))) {
    const src = (img.getAttribute('src') ?? '').trim();
    // `data:` images are left to the sanitizer, after Readability has told placeholders from pictures.
    const local = pageFile !== null && (/^file:/i.test(src) || (!/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//')));
    const bytes = local ? localImage(src, pageFile) : null;
    const stored = bytes ? assets.add(bytes) : null;
    if (stored === null) continue;
    img.setAttribute('src', MARK + stored.slice('assets/'.length));
    img.removeAttribute('srcset');
  }
}

/** Points the marked images at their files in the article folder. */
export const withAssetPaths = (html: string): string =>
  html.replace(/(\ssrc=["'])quire-asset:([A-Za-z0-9_-]+\.[a-z0-9]+)(["'])/g, '$1assets/$2$3');
