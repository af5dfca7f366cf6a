/**
 * Imports files handed over by the picker or a drop: one `importDocument` call per file, in turn,
 * so progress can be shown and one bad file never stops the others.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { readFileBase64 } from './read-file-base64';

/** The file types the importer understands (the picker's `accept`). */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.xhtml';

/** Beyond this the renderer would have to hold the file twice in memory as base64. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
}

export interface ImportState {
  progress: ImportProgress | null;
  outcomes: ImportOutcome[] | null;
  /** bumps after every import so lists reload */
  revision: number;
  importFiles: (files: readonly File[]) => Promise<void>;
  clearOutcomes: () => void;
}

export function useImport(): ImportState {
  const api = useApi();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [revision, setRevision] = useState(0);
  const busy = useRef(false);

  const importOne = useCallback(
    async (file: File): Promise<ImportOutcome> => {
      const source = file.name;
      if (file.size > MAX_IMPORT_BYTES) {
        return { status: 'failed', source, reason: 'The file is larger than 200 MB.' };
      }
      let dataBase64: string;
      try {
        dataBase64 = await readFileBase64(file);
      } catch {
        return { status: 'failed', source, reason: 'The file could not be read (folders cannot be imported this way).' };
      }
      const result = await api.importDocument({ fileName: file.name, dataBase64 });
      return result.ok ? result.value : { status: 'failed', source, reason: result.error.message };
    },
    [api],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0 || busy.current) return;
      busy.current = true;
      setOutcomes(null);
      const collected: ImportOutcome[] = [];
      try {
        for (const [index, file] of files.entries()) {
          setProgress({ done: index, total: files.length, current: file.name });
          collected.push(await importOne(file));
        }
      } finally {
        busy.current = false;
        setProgress(null);
        setOutcomes(collected);
        setRevision((value) => value + 1);
      }
    },
    [importOne],
  );

  const clearOutcomes = useCallback(() => setOutcomes(null), []);
  return { progress, outcomes, revision, importFiles, clearOutcomes };
}
