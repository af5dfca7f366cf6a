import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The folder boundaries of docs/architecture.md hold only if lint really rejects crossing them. */
const eslint = new ESLint();

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it('keeps Node and Electron out of electron/shared', async () => {
    expect(await restrictedImportErrors('electron/shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await restrictedImportErrors('electron/shared/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
  });

  it('keeps Electron out of the core, the CLI and browser mode', async () => {
    for (const folder of ['core', 'cli', 'serve']) {
      const errors = await restrictedImportErrors(`electron/${folder}/probe.ts`, "import Store from 'electron-store';\nexport const x = Store;\n");
      expect(errors, folder).toHaveLength(1);
    }
    expect(await restrictedImportErrors('electron/core/probe.ts', "import { ok } from '../shared/result';\nexport const x = ok;\n")).toHaveLength(0);
  });

  it('lets the renderer import only types from electron/shared', async () => {
    const typeOnly = "import type { ReaderApi } from '../electron/shared/contract';\nexport type X = ReaderApi;\n";
    const value = "import { READER_METHODS } from '../electron/shared/contract';\nexport const x = READER_METHODS;\n";
    const core = "import { openQuire } from '../electron/core/open-quire';\nexport const x = openQuire;\n";
    expect(await restrictedImportErrors('renderer/probe.ts', typeOnly)).toHaveLength(0);
    expect(await restrictedImportErrors('renderer/probe.ts', value)).toHaveLength(1);
    expect(await restrictedImportErrors('renderer/probe.ts', core)).toHaveLength(1);
  });
});
