/**
 * Path containment for the files of an article (images and other assets the reader shows), shared
 * by the Electron `quire-content:` protocol and the browser-mode `/content/` route. A request names
 * an article id and a URL-encoded path inside that article's folder; anything that would leave the
 * folder — `..`, an encoded separator, an absolute path, a symlink pointing elsewhere — is refused.
 */
import { isRequestPathError } from './path-errors';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { idSchema } from '../shared/validators';

export type ContentLookup =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Headers for every file served from an article folder. The files come from imported documents,
 * so they are untrusted: `sandbox` gives any HTML or SVG opened directly an opaque origin with
 * scripts disabled, and `nosniff` keeps a file typed as octet-stream from running as a script.
 */
export const CONTENT_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; media-src 'self'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
};

/**
 * How much of a file is read at a time when it is served: a long book's text (6 MB for a million
 * words) went out in 64 KB pieces, each waiting for its turn of a busy host's event loop.
 */
export const CONTENT_READ_CHUNK_BYTES = 1024 * 1024;

/** The content type by extension; scripts and anything unknown are plain bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `candidate` is strictly below `root` (both absolute, already resolved). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * Decodes the URL-encoded path of a file inside an article folder into its segments, refusing any
 * segment that is empty (an absolute path or `//`), `.` or `..`, or that hides a separator or a NUL
 * behind percent-encoding.
 */
export function decodeRelativePath(
  encoded: string,
): { ok: true; segments: string[] } | { ok: false; status: 400 | 403; reason: string } {
  const segments: string[] = [];
  for (const raw of encoded.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'the path is not valid percent-encoding' };
    }
    if (segment === '' || segment === '.' || segment === '..') {
      return { ok: false, status: 403, reason: 'the path leaves the article folder' };
    }
    if (/[/\\\0]/.test(segment) || /^[a-zA-Z]:/.test(segment)) {
      return { ok: false, status: 403, reason: 'the path leaves the article folder' };
    }
    segments.push(segment);
  }
  return { ok: true, segments };
}

// A name too long for the file system, a symlink loop or a file where a folder was expected is the
// request's fault like a missing file: 404, never a 500 with a path in the log.
const isMissing = isRequestPathError;

/**
 * Finds the file named by the URL-encoded `encodedPath` below `rootDir` and proves that its real
 * path (symlinks resolved) is inside the real path of `rootDir`. Shared by the article folders and
 * the renderer build (electron/core/renderer-files.ts).
 */
export async function resolveInside(rootDir: string, encodedPath: string, outside = 'the path leaves its folder'): Promise<ContentLookup> {
  const decoded = decodeRelativePath(encodedPath);
  if (!decoded.ok) return decoded.status === 403 ? { ...decoded, reason: outside } : decoded;

  const root = path.resolve(rootDir);
  const requested = path.resolve(root, ...decoded.segments);
  if (!isInside(root, requested)) return { ok: false, status: 403, reason: outside };

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
  } catch (error) {
    if (isMissing(error)) return { ok: false, status: 404, reason: 'no such folder' };
    throw error;
  }
  try {
    realFile = await realpath(requested);
  } catch (error) {
    if (isMissing(error)) return { ok: false, status: 404, reason: 'no such file' };
    throw error;
  }
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403, reason: outside };
  const stats = await stat(realFile);
  if (!stats.isFile()) return { ok: false, status: 404, reason: 'no such file' };
  return { ok: true, filePath: realFile, contentType: contentTypeFor(realFile) };
}

/** Finds the file `<libraryDir>/articles/<articleId>/<encodedPath>`, contained as `resolveInside` says. */
export async function resolveArticleFile(
  libraryDir: string,
  articleId: string,
  encodedPath: string,
): Promise<ContentLookup> {
  if (!idSchema.safeParse(articleId).success) {
    return { ok: false, status: 404, reason: 'no such article' };
  }
  const lookup = await resolveInside(path.join(libraryDir, 'articles', articleId), encodedPath, 'the path leaves the article folder');
  return !lookup.ok && lookup.reason === 'no such folder' ? { ...lookup, reason: 'no such article' } : lookup;
}
