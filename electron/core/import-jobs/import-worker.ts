/**
 * The import worker (bundled as out/worker/import-worker.js, run by the pool in import-pool.ts):
 * reads a file and runs the importer, the CPU-heavy part of an import, off the host's thread.
 */
import { readUserFile } from '../fs/read-user-file';
import { MAX_IMPORT_BYTES, tooLarge } from '../importers/import-formats';
import { extractForLibrary, failureOfError, toExtracted } from '../library/import-into-library';
import type { ExtractResult, ExtractTask } from './extract-protocol';

export default async function extract(task: ExtractTask): Promise<ExtractResult> {
  let unexpected: string | null = null;
  try {
    if (task.url !== undefined) {
      const { importFromUrl } = await import('../importers/fetch-url');
      const fetched = await importFromUrl(task.url);
      return { ok: true, article: toExtracted(fetched), original: { fileName: fetched.fileName, bytes: fetched.bytes } };
    }
    const maxBytes = task.maxBytes ?? MAX_IMPORT_BYTES;
    const fromDisk = task.bytes === undefined && task.filePath !== undefined;
    const bytes = task.bytes ?? (task.filePath !== undefined ? await readUserFile(task.filePath, { maxBytes, tooLarge: () => tooLarge(maxBytes) }) : new Uint8Array());
    const article = await extractForLibrary({
      fileName: task.fileName,
      bytes,
      maxBytes,
      ...(task.filePath !== undefined ? { filePath: task.filePath } : {}),
    });
    return { ok: true, article, ...(fromDisk ? { original: { fileName: task.fileName, bytes } } : {}) };
  } catch (error) {
    const failure = failureOfError(error, task.fileName, (message, cause) => {
      unexpected = `${message}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`;
    });
    return { ok: false, ...failure, unexpected };
  }
}
