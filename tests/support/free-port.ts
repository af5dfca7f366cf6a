/**
 * A port on 127.0.0.1 nobody listens on right now, for a server a test starts (browser mode,
 * Syncthing): asked of the system by listening on port 0 and closing again.
 */
import { createServer } from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
