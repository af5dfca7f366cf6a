// Lint with per-folder import boundaries (docs/architecture.md, "Map"): folders alone do not hold a line.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'util', 'events', 'zlib', 'buffer'];
// Bare module names only: a relative path such as '../electron/shared' must not match.
const electronModules = { regex: '^electron(-store)?(/.*)?$' };

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'electron/shared runs in the renderer too: no Node modules.' },
          { ...electronModules, message: 'electron/shared must not import Electron.' },
          { group: ['../core/*', '../main/*', '../preload/*', '../serve/*', '../cli/*', '**/renderer/**'], message: 'electron/shared depends on nothing else in the project.' },
        ],
      }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/serve/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { ...electronModules, message: 'Only electron/main and electron/preload may import Electron: the core runs in plain Node.' },
          { group: ['**/main/*', '**/preload/*', '**/renderer/**'], message: 'The core and the non-Electron hosts must not depend on the Electron glue or the UI.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/shared/*', '**/electron/shared'], allowTypeImports: true, message: 'The renderer may import only types from electron/shared.' },
          { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/serve/**', '**/electron/cli/**'], message: 'The renderer talks to the core only through the ReaderApi contract.' },
          { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node modules.' },
          { ...electronModules, message: 'The renderer is sandboxed: no Electron modules.' },
        ],
      }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    // Playwright fixtures must destructure their (empty) dependencies.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' },
  },
);
