/**
 * One bulk import as a pipeline: the walk yields files one at a time, the pool reads up to
 * `maxInFlight` of them at once (backpressure: the walk waits while the pool is full), and the
 * host writes each result in the walk's order, one article at a time. Memory is bounded by
 * `maxInFlight` documents whatever the number of files, and a large file is read alone (a 4 MB web
 * page needs about 250 MB of heap while it is read, a hundred times an ordinary page: nothing else
 * is read beside it, so the import's peak is one large page, not one plus what the others hold);
 * duplicates within the batch are caught because each write sees every article written before it.
 */
import { reasonOnly, type FailureReason } from '../../shared/i18n/core-sentences';
import type { ImportOutcome, FileReading } from '../../shared/models';
import type { ImportCandidate } from '../library/collect-import-files';
import type { ExtractedArticle } from '../library/import-into-library';
import type { ExtractResult, ExtractTask } from './extract-protocol';

export interface RunImportOptions {
  files: AsyncIterable<ImportCandidate>;
  extract(task: ExtractTask, signal: AbortSignal, onProgress: (progress: FileReading) => void): Promise<ExtractResult>;
  /** writes one article with the bytes it was read from (under the library's change queue); never rejects */
  write(file: { path: string; bytes: Uint8Array | null }, article: ExtractedArticle): Promise<ImportOutcome>;
  /** the sentence for a file that could not even be listed or read */
  reasonFor(error: unknown, source: string): FailureReason;
  /** files larger than this fail without being read */
  maxBytes: number;
  tooLargeReason: FailureReason;
  /** how many files are being read at once (a few per worker keeps the workers busy) */
  maxInFlight: number;
  /** files larger than this are read alone, nothing else beside them */
  largeBytes: number;
  signal: AbortSignal;
  /** the file the import waits for now */
  onCurrent(source: string | null): void;
  /** how far a long file being read has come (its worker says so a few times a second at most) */
  onReading(source: string, progress: FileReading): void;
  onFound(): void;
  onOutcome(outcome: ImportOutcome): void;
  /** a file in a chosen folder that is not a document: never read, not counted as found */
  onSkipped(source: string): void;
  /** a worker's unexpected failure, with its details, for the log */
  onUnexpected(source: string, details: string): void;
}

interface InFlight {
  source: string;
  large: boolean;
  result: Promise<ExtractResult>;
}

const failed = (reason: FailureReason): Promise<ExtractResult> => Promise.resolve({ ok: false, ...reason, unexpected: null });

export async function runImport(options: RunImportOptions): Promise<void> {
  const { signal } = options;
  const queue: InFlight[] = [];

  type Readable = Exclude<ImportCandidate, { skipped: true }>;
  const start = (candidate: Readable): InFlight => {
    const source = candidate.path;
    if ('error' in candidate) return { source, large: false, result: failed(options.reasonFor(candidate.error, source)) };
    if (candidate.size > options.maxBytes) return { source, large: false, result: failed(options.tooLargeReason) };
    const large = candidate.size > options.largeBytes;
    const task = { fileName: source, filePath: source, maxBytes: options.maxBytes, ...(large ? { alone: true } : {}) };
    const result = options.extract(task, signal, (progress) => options.onReading(source, progress));
    // A cancelled job drops what is still being read; its rejection must not go unhandled.
    result.catch(() => undefined);
    return { source, large, result };
  };

  const finishHead = async (): Promise<void> => {
    const head = queue[0]!;
    options.onCurrent(head.source);
    let extracted: ExtractResult;
    try {
      extracted = await head.result;
    } catch (error) {
      if (signal.aborted) return;
      extracted = { ok: false, ...options.reasonFor(error, head.source), unexpected: null };
    }
    queue.shift();
    if (signal.aborted) return;
    if (!extracted.ok) {
      if (extracted.unexpected !== null) options.onUnexpected(head.source, extracted.unexpected);
      options.onOutcome({ status: 'failed', source: head.source, ...reasonOnly(extracted) });
      return;
    }
    options.onOutcome(await options.write({ path: head.source, bytes: extracted.original?.bytes ?? null }, extracted.article));
  };

  for await (const candidate of options.files) {
    if (signal.aborted) break;
    if ('skipped' in candidate) {
      options.onSkipped(candidate.path);
      continue;
    }
    options.onFound();
    // A large file waits until everything before it is written, and what follows it until it is
    // (files stay in the walk's order): it is read alone.
    const large = !('error' in candidate) && candidate.size > options.largeBytes;
    if (large || queue.some((entry) => entry.large)) {
      while (queue.length > 0 && !signal.aborted) await finishHead();
    }
    queue.push(start(candidate));
    while (queue.length >= options.maxInFlight && !signal.aborted) await finishHead();
  }
  while (queue.length > 0 && !signal.aborted) await finishHead();
  options.onCurrent(null);
}
