/**
 * Where a file packed into an Electron archive really is on disk. electron-builder moves the files
 * listed in `asarUnpack` from `resources/app.asar` to `resources/app.asar.unpacked`, keeping their
 * relative paths; code that runs in the archive still sees them under `app.asar` (Electron's file
 * system patch redirects the reads), but a worker thread must start from the real file, whose
 * imports then resolve on disk without the archive.
 */

/**
 * The last path segment naming an archive (`app.asar`, never `app.asar.unpacked` or
 * `app.asar-notes`), with everything before it: the innermost archive is the one holding the file.
 */
const ARCHIVE_SEGMENT = /^(.*[\\/])?([^\\/]+\.asar)(?=[\\/]|$)/;

/**
 * The same path with its archive segment (the last `<name>.asar` folder) replaced by
 * `<name>.asar.unpacked`; a path outside any archive (a development run, the CLI) is returned as is.
 * Works on POSIX and Windows separators alike, so one function serves every platform's build.
 */
export function unpackedAsarPath(filePath: string): string {
  return filePath.replace(ARCHIVE_SEGMENT, (_match, before: string | undefined, archive: string) => `${before ?? ''}${archive}.unpacked`);
}
