/**
 * What names and versions the index's files on disk (segment-store.ts), apart from the engine:
 * the library's in-step record (indexing/in-step-record.ts) reads the manifest on the main thread,
 * which must not load the search engine (or Lunr) for it.
 */

/** Bump when the layout of these files changes. */
export const INDEX_FORMAT_VERSION = 10;

/**
 * Bump whenever tokenization or normalization changes: a persisted index built by another
 * version holds different terms and must be rebuilt, not reused.
 */
export const PIPELINE_VERSION = 4;

export const MANIFEST_FILE = 'manifest.json';
export const segmentFile = (id: number): string => `seg-${id}.bin`;
