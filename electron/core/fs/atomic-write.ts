/**
 * Every file Quire writes goes through here. `write-file-atomic` writes a temp file next to the
 * target, fsyncs it and renames it over the target, so a crash leaves the old file or the new one,
 * never half of one (docs/design.md §2). The one exception is a file of a folder not yet in place
 * (`writeNewFile`), which the folder's own rename makes visible whole.
 */
import { open, readFile } from 'node:fs/promises';
import writeFileAtomicLib from 'write-file-atomic';
import type * as z from '../../shared/zod';
import type { ErrorCode, QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';

export async function writeFileAtomic(filePath: string, data: string | Buffer): Promise<void> {
  await writeFileAtomicLib(filePath, data, { fsync: true });
}

/**
 * A file of a folder that is not in place yet (an article's staging folder, renamed into place
 * once whole): the folder's rename is what makes it visible whole, so the file is written where it
 * goes and synced before that rename, without a temp file and a rename of its own (a third of the
 * CPU writing an article took, measured over 300 articles of four files). Never overwrites or
 * follows what is already there (`wx`: a leftover file or a link planted in the folder fails the
 * write instead).
 */
export async function writeNewFile(filePath: string, data: string | Buffer): Promise<void> {
  const file = await open(filePath, 'wx');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Pretty-printed, so the files stay readable and diff well when a sync tool keeps them. */
export const jsonFileText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function writeJsonAtomic(filePath: string, value: unknown): Promise<void> {
  await writeFileAtomic(filePath, jsonFileText(value));
}

/**
 * Reads a JSON file and checks its shape. A missing file, bad JSON or a wrong shape all become a
 * `QuireError('io')` naming the file, because these files can be edited or half-synced by hand.
 */
const jsonFileError = (code: ErrorCode, file: string, state: 'missing' | 'unreadable' | 'notJson' | 'wrongFormat' | 'wrongFormatAt', field = ''): QuireError =>
  sentenceError(code, say('core.error.jsonFile', { file, state, field }));

export async function readJsonFile<T>(filePath: string, schema: z.ZodMiniType<T>): Promise<T> {
  let raw: string;
  try {
    raw = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isNotFound(error)) throw jsonFileError('not-found', filePath, 'missing');
    throw jsonFileError('io', filePath, 'unreadable');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw jsonFileError('io', filePath, 'notJson');
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : '';
    throw jsonFileError('io', filePath, field === '' ? 'wrongFormat' : 'wrongFormatAt', field);
  }
  return checked.data;
}

export const isNotFound = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

export const errorCode = (error: unknown): string | undefined =>
  (error as NodeJS.ErrnoException | null)?.code;
