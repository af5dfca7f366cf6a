import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, a single one on a 2-core machine: but
    // many tests spend their time waiting on processes they start (the built CLI, the import host,
    // Syncthing, killed children), so a second worker finds a core free. Measured on 2 cores: the
    // whole unit suite in 576 s with two workers against 765 s with one, all passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
