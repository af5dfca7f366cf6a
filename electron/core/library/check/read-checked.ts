/**
 * Reads one library JSON file for the check: the value, or the sentence saying why it is unusable
 * (missing, not JSON, wrong shape) as a state a sentence chooses its words by, and in English.
 */
import { readFile } from 'node:fs/promises';
import type * as z from '../../../shared/zod';
import { isNotFound } from '../../fs/atomic-write';

/** Why a file is unusable, as a catalog sentence chooses its words (`{state, select, …}`). */
export type FileState = 'missing' | 'unreadable' | 'empty' | 'notJson' | 'wrongFormat' | 'wrongFormatAt';

/** A file that cannot be used: its state and (for `wrongFormatAt`) the field at fault, and the same in English. */
export interface FileFault {
  state: FileState;
  /** the path of the first field that is wrong (`tags.3`); '' for the other states */
  field: string;
}

export type Checked<T> = { ok: true; value: T } | ({ ok: false; missing: boolean; reason: string } & FileFault);

const ENGLISH_STATE: Readonly<Record<Exclude<FileState, 'wrongFormatAt'>, string>> = {
  missing: 'is missing',
  unreadable: 'cannot be read',
  empty: 'is empty',
  notJson: 'is not valid JSON (truncated or damaged)',
  wrongFormat: 'is not in the expected format',
};

/** The unusable file's state, in English after the file's name (for the log and quarantine's README). */
const fault = (state: FileState, field = ''): { ok: false; missing: boolean; reason: string } & FileFault => ({
  ok: false,
  missing: state === 'missing',
  reason: state === 'wrongFormatAt' ? `${ENGLISH_STATE.wrongFormat} (${field})` : ENGLISH_STATE[state],
  state,
  field,
});

export async function readChecked<T>(file: string, schema: z.ZodMiniType<T>): Promise<Checked<T>> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    return fault(isNotFound(error) ? 'missing' : 'unreadable');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fault(raw.trim() === '' ? 'empty' : 'notJson');
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return issue && issue.path.length > 0 ? fault('wrongFormatAt', issue.path.join('.')) : fault('wrongFormat');
  }
  return { ok: true, value: checked.data };
}

/** The file's text, or null when it does not exist. */
export async function readTextIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
