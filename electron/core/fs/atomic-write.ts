/**
 * Every file Quire writes goes through here. `write-file-atomic` writes a temp file next to the
 * target, fsyncs it and renames it over the target, so a crash leaves the old file or the new one,
 * never half of one (docs/design.md §2).
 */
import { readFile } from 'node:fs/promises';
import writeFileAtomicLib from 'write-file-atomic';
import type * as z from '../../shared/zod';
import { QuireError } from '../../shared/result';

export async function writeFileAtomic(filePath: string, data: string | Buffer): Promise<void> {
  await writeFileAtomicLib(filePath, data, { fsync: true });
}

/** Pretty-printed, so the files stay readable and diff well when a sync tool keeps them. */
export async function writeJsonAtomic(filePath: string, value: unknown): Promise<void> {
  await writeFileAtomic(filePath, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Reads a JSON file and checks its shape. A missing file, bad JSON or a wrong shape all become a
 * `QuireError('io')` naming the file, because these files can be edited or half-synced by hand.
 */
export async function readJsonFile<T>(filePath: string, schema: z.ZodMiniType<T>): Promise<T> {
  let raw: string;
  try {
    raw = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isNotFound(error)) throw new QuireError('not-found', `${filePath} does not exist.`);
    throw new QuireError('io', `${filePath} could not be read.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new QuireError('io', `${filePath} is not valid JSON.`);
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new QuireError('io', `${filePath} is not in the expected format${where}.`);
  }
  return checked.data;
}

export const isNotFound = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

export const errorCode = (error: unknown): string | undefined =>
  (error as NodeJS.ErrnoException | null)?.code;
