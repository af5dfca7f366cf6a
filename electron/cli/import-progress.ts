/**
 * `quire import` progress on stderr: on a terminal one line redrawn in place (count, elapsed,
 * time left, current file and, for a long book or PDF, the chapter or page being read); otherwise,
 * for big imports only, a plain line at every tenth, so logs of scripted imports stay short.
 */
import path from 'node:path';
import type { ReaderEventSource } from '../shared/contract';
import type { ImportProgressEvent } from '../shared/models';

/** Below this many files a plain (non-terminal) log gets no progress lines at all. */
const PLAIN_MIN_FILES = 50;
const CLEAR_LINE = '\r\u001b[K';

/** "0:07", "12:03", "1:02:03" */
export function clockTime(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function progressLine(event: ImportProgressEvent): string {
  const parts = [`importing ${event.done} of ${event.total}`, `${clockTime(event.elapsedMs)} elapsed`];
  if (event.remainingMs !== null) parts.push(`about ${clockTime(event.remainingMs)} left`);
  if (event.current !== null) {
    const name = path.basename(event.current);
    const { reading } = event;
    parts.push(reading ? `reading ${name}: ${reading.unit} ${reading.part} of ${reading.parts}` : name);
  }
  return parts.join(' · ');
}

/** Prints progress until the returned function is called (which also clears the terminal line). */
export function showImportProgress(
  events: ReaderEventSource,
  { write, terminal }: { write: (text: string) => void; terminal: boolean },
): () => void {
  let drawn = false;
  let lastTenth = 0;
  const stop = events.on('import-progress', (event) => {
    if (terminal) {
      const columns = process.stderr.columns || 100;
      write(`${CLEAR_LINE}${progressLine(event).slice(0, columns - 1)}`);
      drawn = true;
      return;
    }
    if (event.total < PLAIN_MIN_FILES || event.done === 0) return;
    const tenth = Math.floor((event.done / event.total) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      write(`${progressLine({ ...event, current: null })}\n`);
    }
  });
  return () => {
    stop();
    if (drawn) write(CLEAR_LINE);
  };
}
