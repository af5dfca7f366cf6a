/** The names in a folder; none when it does not exist (a library folder may lack any subfolder). */
import { readdir } from 'node:fs/promises';
import { isNotFound } from './atomic-write';

export async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}
