import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The search worker runs from out/worker: build the Node side once before any test.
    globalSetup: ['tests/support/build-once.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/{core,main,preload,serve,cli,shared,packaging,crash}/**/*.test.ts', 'tests/unit/*.test.ts'],
          setupFiles: ['tests/support/mock-electron.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/renderer-setup.ts'],
        },
      },
    ],
  },
});
