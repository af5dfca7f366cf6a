/**
 * `GET /content/<key>/<article id>/<path>`: a file of one article (the images the reader shows).
 * An `<img>` cannot send the token header, so this route is guarded by a second per-run secret,
 * the key, in its path: the page learns the prefix `/content/<key>` from the answers to its API
 * calls (`CONTENT_BASE_HEADER`). The key opens nothing but the article files, read-only; the page's
 * `Referrer-Policy: no-referrer` keeps it from leaving in a `Referer`, and
 * `Cross-Origin-Resource-Policy: same-origin` keeps other origins from even loading these files.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_READ_CHUNK_BYTES, CONTENT_RESPONSE_HEADERS, resolveArticleFile } from '../core/content-path';
import { tokensMatch } from './guards';
import { isRequestPathError, withoutPaths } from '../core/path-errors';

export const CONTENT_PREFIX = '/content/';

/** The prefix of every article file's URL in this run. */
export const contentBase = (key: string): string => `${CONTENT_PREFIX}${key}`;

/**
 * Longer than any path an article folder holds (file names are at most 255 bytes, and importers
 * store assets one level deep): a longer request is answered 404 before the file system sees it.
 */
export const MAX_CONTENT_PATH_LENGTH = 2048;

export interface ContentRouteOptions {
  key: string;
  libraryDir: () => string;
  sendText: (response: ServerResponse, status: number, text: string) => void;
  log: (message: string, error?: unknown) => void;
}

export async function serveContent(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  { key, libraryDir, sendText, log }: ContentRouteOptions,
): Promise<void> {
  const match = /^\/content\/([^/]+)\/([^/]+)\/(.+)$/.exec(pathname);
  if (!match || !tokensMatch(key, match[1])) return sendText(response, 403, 'Forbidden.');
  if (match[3]!.length > MAX_CONTENT_PATH_LENGTH) return sendText(response, 404, 'Not found.');
  let lookup: Awaited<ReturnType<typeof resolveArticleFile>>;
  try {
    lookup = await resolveArticleFile(libraryDir(), match[2]!, match[3]!);
  } catch (error) {
    if (isRequestPathError(error)) return sendText(response, 404, 'Not found.');
    throw withoutPaths(error);
  }
  if (!lookup.ok) {
    const text = lookup.status === 404 ? 'Not found.' : lookup.status === 400 ? 'Bad request.' : 'Forbidden.';
    return sendText(response, lookup.status, text);
  }
  response.writeHead(200, { ...CONTENT_RESPONSE_HEADERS, 'Content-Type': lookup.contentType });
  if (request.method === 'HEAD') return void response.end();
  const stream = createReadStream(lookup.filePath, { highWaterMark: CONTENT_READ_CHUNK_BYTES });
  stream.on('error', (error) => {
    log('Quire could not read an article file.', withoutPaths(error));
    response.destroy();
  });
  stream.pipe(response);
}
