/** What the host sends to an import worker and what comes back: plain data, cloned across threads. */
import type { ExtractedArticle } from '../library/import-into-library';
import type { FailureReason } from '../../shared/i18n/core-sentences';

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
   * a large file, sent when nothing else is being read (run-import.ts): the host reads it on a
   * fresh worker with no other worker beside it, and retires that worker afterwards
   */
  alone?: boolean;
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
