import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The search worker runs from out/worker: build the Node side once before any test.
    globalSetup: ['tests/support/build-once.ts'],
    // Two files at a time on two cores (Vitest's default is one fewer than the cores): most files
    // wait on the processes they start, and each file's fork and module loading (about 0.7 s, 140 s
    // over the suite) overlaps another's work. 572 → 430 s on the 2-core machine, all passing, the
    // slowest test at 52 s of its 120 s; docs/architecture.md, "Tests".
    maxWorkers: 2,
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
          // Each test file still gets its own jsdom window and its own modules, but in a VM context of
          // one long-lived process: a fork per file loaded Vitest, jsdom and React again 50 times
          // (about 2 s of CPU a file; the project took 133 s of CPU against 34 s this way). Web
          // streams, which such a context lacks, are given in renderer-setup.ts.
          pool: 'vmForks',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/renderer-setup.ts'],
        },
      },
    ],
  },
});
