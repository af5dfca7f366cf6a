// Lint, with an allow-list of imports for every folder: the map of docs/architecture.md, held.
import js from '@eslint/js';
import formatjs from 'eslint-plugin-formatjs';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import quire from './scripts/eslint-import-boundaries.mjs';

/**
 * What each folder may import, first match wins: project paths (globs over the repository) and
 * `package:` names (`node:*` is Node's built-in modules). Anything not listed is an error that
 * says why the folder stands where it does. docs/architecture.md draws the same map.
 */
const NODE = 'package:node:*';
export const IMPORT_BOUNDARIES = [
  {
    folder: 'electron/shared',
    may: ['electron/shared/**', 'package:zod', 'package:intl-messageformat'],
    why: 'it is the contract every host and the renderer share: pure TypeScript, no Node, no Electron, no other folder (intl-messageformat, pure too, makes the English of the core\'s sentences).',
  },
  {
    folder: 'electron/core',
    may: [
      'electron/core/**', 'electron/shared/**', NODE,
      'package:@mozilla/readability', 'package:approx-string-match', 'package:chardet', 'package:chokidar', 'package:conf',
      'package:dompurify', 'package:jsdom', 'package:linkedom', 'package:lunr', 'package:lunr-languages', 'package:markdown-it',
      'package:mrmime', 'package:parse5', 'package:pdfjs-dist', 'package:proper-lockfile', 'package:tinyld', 'package:tinypool',
      'package:undici', 'package:write-file-atomic',
      'package:temml', 'package:yaml', 'package:yauzl', 'package:yazl', 'package:zod', 'package:css-tree',
    ],
    why: 'the core runs in plain Node under every host, so it never reaches Electron, a host or the UI.',
  },
  {
    folder: 'electron/main',
    may: [
      'electron/main/**', 'electron/core/**', 'electron/shared/**', NODE, 'package:electron', 'package:electron-store',
      'package:@formatjs/intl',
    ],
    why: 'the Electron glue calls the core directly and the UI only through the contract.',
  },
  {
    folder: 'electron/preload',
    may: ['electron/preload/**', 'electron/shared/**', 'package:electron'],
    why: 'the preload runs sandboxed beside the page and only carries the contract over IPC.',
  },
  {
    folder: 'electron/serve',
    may: ['electron/serve/**', 'electron/core/**', 'electron/shared/**', NODE],
    why: 'browser mode is a host of the core in plain Node: no Electron, no glue, no UI source.',
  },
  {
    folder: 'electron/cli',
    may: ['electron/cli/**', 'electron/core/**', 'electron/serve/**', 'electron/shared/**', NODE, 'package:commander'],
    why: 'the command line is a host of the core in plain Node (`quire serve` starts browser mode).',
  },
  {
    folder: 'renderer',
    may: [
      'renderer/**', 'electron/shared/**', 'package:react', 'package:react-dom', 'package:@tanstack/*',
      'package:markdown-it', 'package:@fontsource/*', 'package:react-error-boundary', 'package:pdfjs-dist', 'package:react-intl',
    ],
    why: 'the UI is a sandboxed web page: it reaches the core only through the contract (and the pure values beside it in electron/shared), never Node, Electron or another electron/ folder.',
  },
  {
    folder: 'tests',
    may: ['tests/**', 'electron/**', 'renderer/**', 'scripts/**', 'bin/node-version.js', 'package:**'],
    why: 'tests drive the sources (and the launcher\'s Node check); the built app in out/ is run as a process, never imported.',
  },
  {
    folder: 'scripts',
    may: ['scripts/**', 'package:**'],
    why: 'build and tool scripts run outside the app, before it is built.',
  },
  {
    folder: 'bench',
    may: ['bench/**', 'scripts/**', 'package:**'],
    why: 'the benchmark bundles the engine it measures by path; it imports no app source.',
  },
  {
    folder: 'bin',
    may: ['bin/**', 'out/**', 'package:node:module'],
    why: 'the `quire` command checks the Node it runs on, turns on Node\'s compile cache, then only starts the built CLI.',
  },
  {
    folder: 'the repository root',
    files: ['*'],
    may: ['*', 'scripts/**', 'electron/shared/page-policy.ts', 'package:**'],
    why: 'tool configurations use packages, scripts and each other, never app source (but the page policy, which the renderer build writes into index.html).',
  },
];

/** Props of the renderer's components that carry words a user sees (lint refuses literals there). */
const USER_VISIBLE_PROPS = [['*', '{label,hint,title,placeholder,output,submitLabel,anyLabel,backLabel,previewLabel,full,short}']];

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
    files: ['**/*.{ts,tsx,js,mjs,cjs,mts}'],
    plugins: { quire },
    rules: { 'quire/import-boundaries': ['error', IMPORT_BOUNDARIES] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Every word a user sees comes from the catalogs (electron/shared/i18n/messages): text in JSX
    // and the props that carry words (aria-label, title, placeholder, alt, and the project's own
    // components' label/hint/title props) may not be string literals.
    files: ['renderer/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': ['error', { props: { include: USER_VISIBLE_PROPS } }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    // Playwright fixtures must destructure their (empty) dependencies.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' },
  },
);
