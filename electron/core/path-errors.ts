/**
 * File-system errors that a request's path causes (a name too long for the file system, a symlink
 * loop, a file where a folder was expected) are the request's fault, not the server's: they are
 * answered 404 and not logged. Any other file error is logged by its code alone: its message and
 * `path` name a file of the user's, and a log is no place for the library's layout.
 */
const REQUEST_PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EISDIR', 'EINVAL']);

const errnoCode = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

export const isRequestPathError = (error: unknown): boolean => REQUEST_PATH_ERRORS.has(errnoCode(error) ?? '');

/** The error as it may be logged: a file error becomes its code and system call, without paths. */
export function withoutPaths(error: unknown): unknown {
  const code = errnoCode(error);
  const syscall = (error as NodeJS.ErrnoException | null)?.syscall;
  if (code === undefined || (syscall === undefined && (error as NodeJS.ErrnoException).path === undefined)) return error;
  return new Error(syscall ? `${code} (${syscall})` : code);
}
