/**
 * `quire-content://articles/<id>/<path>`: the files of one article (its images and other assets),
 * read from `<library>/articles/<id>/`. Checklist #18 "Avoid usage of the `file` protocol and prefer
 * usage of custom protocols": the renderer never gets file:// access to the library, and the
 * containment check (electron/core/content-path.ts) refuses anything outside the article folder.
 */
import { withoutPaths } from '../core/path-errors';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { CONTENT_READ_CHUNK_BYTES, CONTENT_RESPONSE_HEADERS, resolveArticleFile } from '../core/content-path';

/** Made privileged with the page's scheme in privileged-schemes.ts. */
export const CONTENT_SCHEME = 'quire-content';

const textResponse = (status: number, text: string): Response =>
  new Response(`${text}\n`, {
    status,
    headers: { ...CONTENT_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** The response to one `quire-content:` request. */
export async function contentResponse(request: Request, libraryDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return textResponse(400, 'Bad request.');
  }
  const match = /^\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (url.protocol !== `${CONTENT_SCHEME}:` || url.host !== 'articles' || !match) {
    return textResponse(404, 'Not found.');
  }
  const lookup = await resolveArticleFile(libraryDir, match[1]!, match[2]!);
  if (!lookup.ok) return textResponse(lookup.status, lookup.status === 404 ? 'Not found.' : 'Forbidden.');
  const headers = { ...CONTENT_RESPONSE_HEADERS, 'Content-Type': lookup.contentType };
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(lookup.filePath, { highWaterMark: CONTENT_READ_CHUNK_BYTES })) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

/** Serves the scheme; call once the app is ready. */
export function handleContentProtocol(
  protocol: Protocol,
  libraryDir: () => string,
  log: (message: string, error?: unknown) => void,
): void {
  protocol.handle(CONTENT_SCHEME, async (request) => {
    try {
      return await contentResponse(request, libraryDir());
    } catch (error) {
      log('Quire could not serve an article file.', withoutPaths(error));
      return textResponse(500, 'Quire could not read this file.');
    }
  });
}
