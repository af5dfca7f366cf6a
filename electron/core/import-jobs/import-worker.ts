/**
 * The import worker (bundled as out/worker/import-worker.js, run by the pool in import-pool.ts):
 * reads a file and runs the importer, the CPU-heavy part of an import, off the host's thread.
 */
import { readFile } from 'node:fs/promises';
import { extractForLibrary, failureReason, toExtracted } from '../library/import-into-library';
import type { ExtractResult, ExtractTask } from './extract-protocol';

export default async function extract(task: ExtractTask): Promise<ExtractResult> {
  let unexpected: string | null = null;
  try {
    if (task.url !== undefined) {
      const { importFromUrl } = await import('../importers/fetch-url');
      const fetched = await importFromUrl(task.url);
      return { ok: true, article: toExtracted(fetched), downloaded: { fileName: fetched.fileName, bytes: fetched.bytes } };
    }
    const bytes = task.bytes ?? (task.filePath !== undefined ? await readFile(task.filePath) : new Uint8Array());
    const article = await extractForLibrary({
      fileName: task.fileName,
      bytes,
      ...(task.filePath !== undefined ? { filePath: task.filePath } : {}),
      ...(task.maxBytes !== undefined ? { maxBytes: task.maxBytes } : {}),
    });
    return { ok: true, article };
  } catch (error) {
    const reason = failureReason(error, task.fileName, (message, cause) => {
      unexpected = `${message}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`;
    });
    return { ok: false, reason, unexpected };
  }
}
