/**
 * Uploads: each file's bytes go to the core with `importDocument`, a few at a time (the core reads
 * them in its workers; more at once would only hold more files in memory here), and a pasted web
 * address goes with `importUrl`. Progress counts files and names the current one, and where the
 * core's events arrive, how far it has read a long one (each file gets an id the core reports
 * under); Cancel stops starting new files (those already sent finish).
 */
import type { Text } from '../i18n/use-text';
import type { Dispatch } from 'react';
import type { ReaderApi, ReaderEventSource } from '../../electron/shared/contract';
import type { ImportOutcome } from '../../electron/shared/models';
import type { PickedFile } from './dropped-files';
import { reportFromOutcomes, type ImportReport } from './import-report';
import type { ImportAction } from './import-state';
import { readFileBase64 } from './read-file-base64';

/** Beyond this the renderer would have to hold the file twice in memory as base64. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Files in flight at once: enough to keep the core's workers busy, few enough to bound memory. */
export const UPLOAD_CONCURRENCY = 3;

async function uploadOne(api: ReaderApi, { file, name }: PickedFile, text: Text, progressId: string | null): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { status: 'failed', source: name, reason: text('upload.tooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }) };
  }
  let dataBase64: string;
  try {
    dataBase64 = await readFileBase64(file);
  } catch {
    return { status: 'failed', source: name, reason: text('upload.unreadable') };
  }
  const result = await api.importDocument({ fileName: file.name, dataBase64, ...(progressId === null ? {} : { progressId }) });
  if (!result.ok) return { status: 'failed', source: name, reason: result.error.message, sentence: result.error.sentence };
  // The core knows the file by its own name only; the summary shows where it was in the drop.
  return { ...result.value, source: name };
}

/** An id for one uploaded file's progress (getRandomValues: `randomUUID` needs a secure context). */
const uploadId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** An upload of files being run; `cancel` stops it starting more. */
export class FileUpload {
  private cancelled = false;

  constructor(
    private readonly api: ReaderApi,
    private readonly report: Dispatch<ImportAction>,
    /** the interface's words for the reasons given here (the core's come as it wrote them) */
    private readonly text: Text,
    /** the core's events, where they arrive: how far a long file is read */
    private readonly events: ReaderEventSource | null = null,
  ) {}

  /** Uploads `files` (at least one); `skipped` (not documents) join the summary. */
  async run(files: readonly PickedFile[], skipped: readonly ImportOutcome[]): Promise<ImportReport> {
    const startedAt = Date.now();
    this.report({ type: 'started', total: files.length, current: files[0]?.name ?? '', at: startedAt });
    const outcomes: ImportOutcome[] = new Array<ImportOutcome>(files.length);
    let next = 0;
    let done = 0;
    /** the files being read, by the id the core reports their progress under */
    const reading = new Map<string, string>();
    const stop = this.events?.on('import-progress', (event) => {
      const name = reading.get(event.jobId);
      if (name !== undefined && event.reading) this.report({ type: 'file-reading', name, reading: event.reading });
    });
    const worker = async (): Promise<void> => {
      while (next < files.length && !this.cancelled) {
        const index = next++;
        const file = files[index]!;
        const progressId = this.events ? uploadId() : null;
        if (progressId !== null) reading.set(progressId, file.name);
        this.report({ type: 'file-started', name: file.name });
        try {
          outcomes[index] = await uploadOne(this.api, file, this.text, progressId);
        } finally {
          // An event of this file that arrives after its answer is not shown.
          if (progressId !== null) reading.delete(progressId);
        }
        done += 1;
        this.report({ type: 'file-done', name: file.name, done, after: Date.now() - startedAt });
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, files.length) }, worker));
    } finally {
      stop?.();
    }
    const finished = outcomes.filter(Boolean);
    return reportFromOutcomes([...finished, ...skipped], files.length - finished.length);
  }

  cancel(): void {
    this.cancelled = true;
  }
}

/** Downloads one web page (a pasted address); its summary, failure or not. */
export async function importAddress(api: ReaderApi, report: Dispatch<ImportAction>, url: string): Promise<ImportReport> {
  report({ type: 'started', total: 1, current: url, at: Date.now() });
  const result = await api.importUrl(url);
  return reportFromOutcomes([result.ok ? result.value : { status: 'failed', source: url, reason: result.error.message, sentence: result.error.sentence }], 0);
}
