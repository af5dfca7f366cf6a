import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The folder map of docs/architecture.md holds only if lint really rejects crossing it: for every
 * folder, one import its allow-list refuses and one it permits, through the project's own config.
 */
const eslint = new ESLint();

async function boundaryErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as probe from '${specifier}';\nexport const x = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'quire/import-boundaries').map((m) => m.message);
}

/** [a file in the folder, an import the folder may not make, one it may]. */
const CASES: [file: string, refused: string, allowed: string][] = [
  ['electron/shared/probe.ts', 'node:fs', './models'],
  ['electron/shared/probe.ts', '../core/open-quire', 'zod'],
  ['electron/core/probe.ts', 'electron-store', '../shared/result'],
  ['electron/core/probe.ts', '../main/ipc', 'node:fs'],
  ['electron/core/search/probe.ts', '../../../renderer/App', '../../shared/models'],
  ['electron/main/probe.ts', '../../renderer/App', 'electron'],
  ['electron/preload/probe.ts', 'node:fs', '../shared/contract'],
  ['electron/preload/probe.ts', '../core/open-quire', 'electron'],
  ['electron/serve/probe.ts', 'electron', '../core/open-quire'],
  ['electron/cli/probe.ts', '../main/ipc', '../serve/server'],
  ['renderer/probe.ts', 'node:path', '../electron/shared/contract'],
  ['renderer/probe.ts', 'electron', 'react'],
  ['renderer/library/probe.ts', '../../electron/core/open-quire', '../../electron/shared/article-query'],
  ['renderer/probe.ts', '../electron/preload/index', './App'],
  ['tests/unit/probe.ts', '../../out/cli/index.js', '../../electron/core/open-quire'],
  ['scripts/probe.mjs', '../electron/core/open-quire', 'esbuild'],
  ['bench/probe.mjs', '../renderer/App', '../scripts/seeded-random.mjs'],
  ['bin/probe.js', '../electron/cli/index', '../out/cli/index.js'],
  ['probe.config.ts', './electron/shared/models', './scripts/test-browser.mjs'],
];

describe('import boundaries', () => {
  it.each(CASES)('%s may not import %s, may import %s', async (file, refused, allowed) => {
    const errors = await boundaryErrors(file, refused);
    expect(errors, `${file} importing ${refused}`).toHaveLength(1);
    expect(errors[0]).toMatch(/may not import/);
    expect(await boundaryErrors(file, allowed), `${file} importing ${allowed}`).toEqual([]);
  });

  it('lets the renderer use electron/shared values, not only its types', async () => {
    const code = "import { READER_METHODS } from '../electron/shared/contract';\nexport const x = READER_METHODS;\n";
    const [result] = await eslint.lintText(code, { filePath: 'renderer/probe.ts' });
    expect(result?.messages.filter((m) => m.ruleId === 'quire/import-boundaries')).toEqual([]);
  });

  it('refuses a file in a folder the map does not list', async () => {
    const [result] = await eslint.lintText('export const x = 1;\n', { filePath: 'newfolder/probe.ts' });
    expect(result?.messages.map((m) => m.message)).toEqual([expect.stringMatching(/^newfolder\/probe\.ts is in no folder of the import map/)]);
  });
});
