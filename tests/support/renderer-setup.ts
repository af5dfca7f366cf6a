import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { ReadableStream, TextDecoderStream, TextEncoderStream, TransformStream, WritableStream } from 'node:stream/web';
import { afterEach } from 'vitest';

// The renderer project runs in VM contexts (vitest.config.ts), which hold jsdom's window and not
// the Web Streams Node adds to its own global: Chromium has them, and the browser-mode event stream
// reads its response through a TextDecoderStream.
const webStreams = { ReadableStream, WritableStream, TransformStream, TextDecoderStream, TextEncoderStream };
for (const [name, value] of Object.entries(webStreams)) {
  if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
}

// findBy… and waitFor wait for what the page shows, up to this: the default second is too short
// where the renderer tests share two cores with the rest of the suite (a test then fails without
// anything being wrong). A test that waits for something that never comes still fails.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
