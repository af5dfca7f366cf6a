/** Export files on disk for the CLI: written into a folder the user names, read back for import. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedFile } from '../shared/models';
import { isQuireError } from '../shared/result';
import { readUserFile } from '../core/fs/read-user-file';
import { CliError } from './cli-error';

/** An annotation export larger than this is not one (the contract's own limit for importAnnotations). */
const MAX_EXPORT_FILE_BYTES = 50 * 1024 * 1024;

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

/** Reads an export back: a regular file only (a pipe or a device is refused before it is opened). */
export async function readExportFile(file: string): Promise<string> {
  try {
    const bytes = await readUserFile(path.resolve(file), {
      maxBytes: MAX_EXPORT_FILE_BYTES,
      tooLarge: () => new CliError(`${file} is larger than 50 MB: it is not an annotation export.`),
    });
    return Buffer.from(bytes).toString('utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (isQuireError(error)) throw new CliError(`${file}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file} does not exist.` : `Cannot read ${file}: ${code ?? (error as Error).message}.`);
  }
}
