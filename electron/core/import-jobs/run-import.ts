/**
 * One bulk import as a pipeline: the walk yields files one at a time, the pool reads up to
 * `maxInFlight` of them at once (backpressure: the walk waits while the pool is full), and the
 * host writes each result in the walk's order, one article at a time. Memory is bounded by
 * `maxInFlight` documents whatever the number of files; duplicates within the batch are caught
 * because each write sees every article written before it.
 *
 * A large file (a 4 MB web page needs a few hundred megabytes of heap and seconds of a core while
 * it is read, a hundred times an ordinary page) is set aside: it is read on a worker of its own
 * (the task says `large`) while the files after it go on being read and written, and it is
 * written once read, between them. One large file at a time, so the import's peak is one large
 * page beside the ordinary workers. Until 2026-12-07 a large file was read alone, with nothing
 * beside it and the files after it waiting: one core idle for as long as it took (15 s of the
 * 31 s an import of 223 documentation pages took, for Node's one-page API reference).
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
  /**
   * the sentence for a file over `maxBytes`, made only when one is met: it formats a number, and
   * a process's first number format loads ICU's locale data (20 ms of the thread, up to four times
   * that on a busy machine), which every import paid at its start when it was made there
   */
  tooLargeReason(): FailureReason;
  /** how many files are being read at once (a few per worker keeps the workers busy) */
  maxInFlight: number;
  /** files larger than this are read on a worker of their own, one at a time, beside the others */
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
  result: Promise<ExtractResult>;
}

/** A large file read beside the others, and its write once read. */
interface SetAside {
  source: string;
  written: Promise<void>;
}

const failed = (reason: FailureReason): Promise<ExtractResult> => Promise.resolve({ ok: false, ...reason, unexpected: null });

export async function runImport(options: RunImportOptions): Promise<void> {
  const { signal } = options;
  /** the ordinary files being read, written in the walk's order */
  const queue: InFlight[] = [];
  /** the large file set aside, until it is written */
  let aside: SetAside | null = null;

  type Readable = Exclude<ImportCandidate, { skipped: true }>;
  const isLarge = (candidate: Readable): boolean => !('error' in candidate) && candidate.size <= options.maxBytes && candidate.size > options.largeBytes;
  const start = (candidate: Readable): InFlight => {
    const source = candidate.path;
    if ('error' in candidate) return { source, result: failed(options.reasonFor(candidate.error, source)) };
    if (candidate.size > options.maxBytes) return { source, result: failed(options.tooLargeReason()) };
    const task = { fileName: source, filePath: source, maxBytes: options.maxBytes, ...(isLarge(candidate) ? { large: true } : {}) };
    const result = options.extract(task, signal, (progress) => options.onReading(source, progress));
    // A cancelled job drops what is still being read; its rejection must not go unhandled.
    result.catch(() => undefined);
    return { source, result };
  };

  /** Waits for a file's result and writes it (the library's writes are one at a time, whoever asks). */
  const finish = async ({ source, result }: InFlight): Promise<void> => {
    let extracted: ExtractResult | null = null;
    try {
      extracted = await result;
    } catch (error) {
      // A cancelled import's files are dropped, not failed.
      if (!signal.aborted) extracted = { ok: false, ...options.reasonFor(error, source), unexpected: null };
    }
    if (signal.aborted || extracted === null) return;
    if (!extracted.ok) {
      if (extracted.unexpected !== null) options.onUnexpected(source, extracted.unexpected);
      options.onOutcome({ status: 'failed', source, ...reasonOnly(extracted) });
      return;
    }
    options.onOutcome(await options.write({ path: source, bytes: extracted.original?.bytes ?? null }, extracted.article));
  };

  // Taken off the queue at once: the walk waits for this anyway, so no one counts the queue meanwhile.
  const finishHead = async (): Promise<void> => {
    const head = queue.shift()!;
    options.onCurrent(head.source);
    await finish(head);
  };

  /** Waits until the large file set aside is written (`finish` never rejects). */
  const finishAside = async (): Promise<void> => {
    const waitingFor = aside;
    if (waitingFor === null) return;
    options.onCurrent(waitingFor.source);
    await waitingFor.written;
  };

  try {
    for await (const candidate of options.files) {
      if (signal.aborted) break;
      if ('skipped' in candidate) {
        options.onSkipped(candidate.path);
        continue;
      }
      options.onFound();
      if (isLarge(candidate)) {
        // One large file at a time: the next waits until the one before it is written.
        await finishAside();
        if (signal.aborted) break;
        const inFlight = start(candidate);
        const set: SetAside = {
          source: inFlight.source,
          written: finish(inFlight).finally(() => {
            if (aside === set) aside = null;
          }),
        };
        aside = set;
        continue;
      }
      queue.push(start(candidate));
      while (queue.length >= options.maxInFlight && !signal.aborted) await finishHead();
    }
    while (queue.length > 0 && !signal.aborted) await finishHead();
    await finishAside();
  } finally {
    // Nothing is written once the import has ended, even when the walk itself failed.
    await aside?.written.catch(() => undefined);
  }
  options.onCurrent(null);
}
