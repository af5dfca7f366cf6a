/**
 * `quire-app://app/…`: the renderer build (out/renderer), served by the same `Request → Response`
 * function as browser mode's static route (electron/core/renderer-files.ts). The window never loads
 * file://: with the file-protocol fuse off (as shipped), Chromium blocks module scripts from file://
 * by CORS and the window stays blank.
 */
import { withoutPaths } from '../core/path-errors';
import type { Protocol } from 'electron';
import { rendererFileResponse } from '../core/renderer-files';
import { APP_HOST, APP_SCHEME, PAGE_SECURITY_HEADERS } from '../shared/page-policy';

const textResponse = (status: number, text: string): Response =>
  new Response(`${text}\n`, { status, headers: { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves the scheme; call once the app is ready. */
export function handleAppProtocol(
  protocol: Protocol,
  rendererDir: string,
  log: (message: string, error?: unknown) => void,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    // One origin only: another host of the scheme would be another origin with the same files.
    if (new URL(request.url).host !== APP_HOST) return textResponse(404, 'Not found.');
    try {
      return await rendererFileResponse(request, rendererDir);
    } catch (error) {
      log('Quire could not serve a file of its window.', withoutPaths(error));
      return textResponse(500, 'Quire could not read this file.');
    }
  });
}
