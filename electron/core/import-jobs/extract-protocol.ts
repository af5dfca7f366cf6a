/** What the host sends to an import worker and what comes back: plain data, cloned across threads. */
import type { MessagePort } from 'node:worker_threads';
import type { ExtractedArticle } from '../library/import-into-library';
import type { FailureReason } from '../../shared/i18n/core-sentences';
import { READING_UNITS, type FileReading } from '../../shared/models';

export interface ExtractTask {
  fileName: string;
  /** a file on disk: the worker reads it (regular files only, once) and sends its bytes back as the original */
  filePath?: string;
  /** bytes handed over by the UI */
  bytes?: Uint8Array;
  /** a web address to download and read (the user asked for it) */
  url?: string;
  maxBytes?: number;
  /**
   * a large file (run-import.ts): the host reads it on a fresh worker of its own, which ends with
   * the file, while its other workers go on with ordinary files (import-host.ts)
   */
  large?: boolean;
}

/**
 * What the host hands a worker: the task, and a port on which the worker says how far it has read
 * a long file (`ExtractProgress` messages, throttled: progress-throttle.ts). The port is the
 * host's to give (a message port cannot travel between processes), so the core's tasks have none.
 */
export type WorkerTask = ExtractTask & { progress?: MessagePort };

/** A worker's message on its task's port: how far it has read the file (a book's chapters, a PDF's pages). */
export interface ExtractProgress extends FileReading {
  type: 'progress';
}

const MAX_PARTS = 10_000_000;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PARTS;

/**
 * A progress message as it came from another thread or process, checked; null for anything else
 * (it is dropped). A worker runs the code of files from anywhere on a parser's edge cases: what it
 * sends is not trusted to be well formed.
 */
export function readExtractProgress(value: unknown): ExtractProgress | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, unit, part, parts } = value as Record<string, unknown>;
  if (type !== 'progress' || !READING_UNITS.includes(unit as FileReading['unit'])) return null;
  if (!isCount(part) || !isCount(parts) || part > parts) return null;
  return { type, unit: unit as FileReading['unit'], part, parts };
}

/**
 * Errors do not survive the trip between threads (a cloned Error loses its class and code), so a
 * failure comes back as the sentence for the user, plus the details when it was unexpected.
 */
export type ExtractResult =
  | {
      ok: true;
      article: ExtractedArticle;
      /**
       * the bytes the worker read from disk or downloaded, kept as the article's original: the
       * host stores these and never opens the path again (a named pipe or a file changed
       * meanwhile would give other bytes than the article was made from)
       */
      original?: { fileName: string; bytes: Uint8Array };
    }
  | ({ ok: false; unexpected: string | null } & FailureReason);
