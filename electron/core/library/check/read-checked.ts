/**
 * Reads one library JSON file for the check: the value, or the sentence saying why it is unusable
 * (missing, not JSON, wrong shape), so a problem can say exactly that.
 */
import { readFile } from 'node:fs/promises';
import type * as z from '../../../shared/zod';
import { isNotFound } from '../../fs/atomic-write';

export type Checked<T> = { ok: true; value: T } | { ok: false; missing: boolean; reason: string };

export async function readChecked<T>(file: string, schema: z.ZodMiniType<T>): Promise<Checked<T>> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { ok: false, missing: true, reason: 'is missing' };
    return { ok: false, missing: false, reason: 'cannot be read' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, missing: false, reason: raw.trim() === '' ? 'is empty' : 'is not valid JSON (truncated or damaged)' };
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return { ok: false, missing: false, reason: `is not in the expected format${where}` };
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
