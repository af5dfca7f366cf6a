/**
 * The index on disk as the engine would take it at its next load, read without the engine: its
 * articles' fingerprints and the files it is made of (in-step-record.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_FORMAT_VERSION, MANIFEST_FILE, PIPELINE_VERSION, segmentFile } from './index-format';
import { parseManifest } from './manifest';

export interface IndexOnDisk {
  /** article id → the fingerprint its documents were indexed under */
  fingerprints: ReadonlyMap<string, string>;
  /** the manifest, then each segment file it names */
  files: string[];
}

/** Null when there is no manifest the engine would use (missing, unreadable, of another version). */
export function readIndexOnDisk(indexDir: string): IndexOnDisk | null {
  try {
    const manifest = parseManifest(JSON.parse(readFileSync(path.join(indexDir, MANIFEST_FILE), 'utf8')), INDEX_FORMAT_VERSION, PIPELINE_VERSION);
    if (manifest === null) return null;
    return { fingerprints: manifest.fingerprints, files: [MANIFEST_FILE, ...manifest.segments.map(({ id }) => segmentFile(id))] };
  } catch {
    return null;
  }
}
