/** Raw HTTP requests (node:http, so Host and Origin can be set freely, unlike fetch). */
import http from 'node:http';
import { CONTENT_BASE_HEADER, TOKEN_HEADER } from '../../electron/shared/browser-mode';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        // A fresh connection each time: a test that makes the server drop one must not affect the next.
        agent: false,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes.toString('utf8'), bytes });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * Where browser mode serves the library's files: told, in the `CONTENT_BASE_HEADER` header, to a
 * page that holds the token, in the answer to any call.
 */
export async function contentBaseOf(port: number, token: string): Promise<string> {
  const call = await rawRequest(port, {
    method: 'POST',
    path: '/api/listArticles',
    headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/json' },
    body: '[]',
  });
  return String(call.headers[CONTENT_BASE_HEADER.toLowerCase()]);
}
