/**
 * The renderer build (out/renderer) as a plain `Request → Response` function: the desktop app's
 * `quire-app:` protocol handler and browser mode's static route both call it, so both serve the
 * same files with the same types, the same refusals and the same security headers.
 *
 * Refused: anything outside the renderer folder (`..`, encoded separators or dots, symlinks that
 * lead out), dotfiles, and source maps (the page is never debugged from a shipped build).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lookup } from 'mrmime';
import { PAGE_SECURITY_HEADERS } from '../shared/page-policy';
import { resolveInside } from './content-path';

/** The page `/` stands for. */
export const RENDERER_INDEX = 'index.html';

/** Types that are text get their charset: the build writes UTF-8. */
const isText = (type: string): boolean =>
  type.startsWith('text/') || type === 'application/javascript' || type === 'application/json' || type === 'image/svg+xml';

/** The Content-Type of a build file, from the maintained table of `mrmime`; unknown types are bytes. */
export function rendererContentType(file: string): string {
  const type = lookup(path.extname(file).slice(1)) ?? 'application/octet-stream';
  return isText(type) ? `${type}; charset=utf-8` : type;
}

const textResponse = (status: number, text: string, extra: Record<string, string> = {}): Response =>
  new Response(`${text}\n`, {
    status,
    headers: { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
  });

const isRefusedName = (segment: string): boolean => segment.startsWith('.') || segment.endsWith('.map');

/** The response to one request for a file of the renderer build in `rendererDir`. */
export async function rendererFileResponse(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  }
  let pathname: string;
  try {
    pathname = new URL(request.url).pathname;
  } catch {
    return textResponse(400, 'Bad request.');
  }
  const encoded = pathname === '/' ? RENDERER_INDEX : pathname.slice(1);
  const found = await resolveInside(rendererDir, encoded, 'the path leaves the renderer folder');
  if (!found.ok) return textResponse(found.status, found.status === 404 ? 'Not found.' : found.status === 400 ? 'Bad request.' : 'Forbidden.');
  // Named as requested (a `%2e` is a dot too), once the path is known to stay inside.
  if (encoded.split('/').some((segment) => isRefusedName(decodeURIComponent(segment)))) return textResponse(404, 'Not found.');

  const body = await readFile(found.filePath);
  const headers = {
    ...PAGE_SECURITY_HEADERS,
    'Content-Type': rendererContentType(found.filePath),
    'Content-Length': String(body.byteLength),
    // The build's assets carry a content hash in their names; index.html does not, so every file is
    // revalidated rather than cached blindly across an update.
    'Cache-Control': 'no-cache',
  };
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
