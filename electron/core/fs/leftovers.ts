/**
 * Names of what an interrupted write leaves behind. `write-file-atomic` writes `<file>.<uint32>`
 * beside its target and renames it; imports and emptying the trash work in `.tmp-<id>` folders.
 * A crash between the write and the rename leaves these: they are never a user's file.
 */
import { STAGING_PREFIX } from '../library/library-paths';

/** `article.json.1234567890`, `text.txt.42`: a file name, a dot, the decimal temp suffix. */
const ATOMIC_TEMP = /^[^/\\]+\.[A-Za-z0-9]{1,10}\.\d{1,10}$/;

export const isAtomicWriteLeftover = (name: string): boolean => ATOMIC_TEMP.test(name);

export const isStagingLeftover = (name: string): boolean => name.startsWith(STAGING_PREFIX);
