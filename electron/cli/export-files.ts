/** Export files on disk for the CLI: written into a folder the user names, read back for import. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedFile } from '../shared/models';
import { CliError } from './cli-error';

/** Writes each file into `dir` (created if missing); returns the paths written. */
export async function writeExportFiles(dir: string, files: readonly ExportedFile[]): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
    const written: string[] = [];
    for (const file of files) {
      // The name comes from the core without separators; basename is the last guard.
      const target = path.join(dir, path.basename(file.fileName));
      await writeFile(target, file.text, 'utf8');
      written.push(target);
    }
    return written;
  } catch (error) {
    throw new CliError(`Cannot write into ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

export async function readExportFile(file: string): Promise<string> {
  try {
    return await readFile(path.resolve(file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file} does not exist.` : `Cannot read ${file}: ${code ?? (error as Error).message}.`);
  }
}
