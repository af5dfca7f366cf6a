/**
 * `quire-app://app/…`: the renderer build (out/renderer), served by the same `Request → Response`
 * function as browser mode's static route (electron/core/renderer-files.ts). The window never loads
 * file://: with the file-protocol fuse off (as shipped), Chromium blocks module scripts from file://
 * by CORS and the window stays blank.
 */
import type { Protocol } from 'electron';
import { rendererFileResponse } from '../core/renderer-files';
import { PAGE_SECURITY_HEADERS, APP_SCHEME } from '../shared/page-policy';

/** Serves the scheme; call once the app is ready. */
export function handleAppProtocol(
  protocol: Protocol,
  rendererDir: string,
  log: (message: string, error?: unknown) => void,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      return await rendererFileResponse(request, rendererDir);
    } catch (error) {
      log('Quire could not serve a file of its window.', error);
      return new Response('Quire could not read this file.\n', {
        status: 500,
        headers: { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
  });
}
