/**
 * The index on disk: one file per segment (`seg-<id>.bin`, segment-codec.ts, never rewritten
 * once written) and a manifest naming the segments with their sha256, the articles'
 * fingerprints and the metadata of every live document (which segment holds it; documents a
 * segment holds but the manifest does not list are deleted ones). Files are written atomically
 * (temp file, fsync, rename), the manifest last, then files no manifest names are removed: a
 * crash at any point leaves either the old or the new state.
 *
 * A segment that is missing or does not decode is reported as lost; the rest still loads, and the
 * engine reports the lost documents' articles as stale so the library re-indexes them (the index
 * is a cache). Checksums are verified before use by `load` (the library check), or after the
 * first answers by the engine (`verify`, a slice at a time): hashing 170 MB of a 100,000-article
 * index took a tenth of a second and more before anything could be searched.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { parseManifest, toManifestFile, type Manifest } from './manifest';
import { Segment } from './segment';
import { INDEX_FORMAT_VERSION as FORMAT_VERSION, MANIFEST_FILE, PIPELINE_VERSION, segmentFile } from './index-format';
import { sha256Hex } from '../fs/sha256';

const SEGMENT_FILE = /^seg-(\d+)\.(?:bin|json)$/;
/** Temp files of this store's atomic writes (`<file>.<digits>`, as write-file-atomic names them). */
const WRITE_LEFTOVER = /^(?:manifest\.json|seg-\d+\.(?:bin|json))\.\d{1,10}$/;
/** How much of a segment is hashed before the event loop gets a turn: a few milliseconds' work. */
const VERIFY_SLICE_BYTES = 4 << 20;

export type { Manifest, StoredDoc } from './manifest';

/** A segment loaded without its checksum verified: the bytes it was decoded from and what they should hash to. */
export interface UnverifiedSegment {
  segment: Segment;
  bytes: Uint8Array;
  sha256: string;
}

export interface LoadedState {
  manifest: Manifest;
  /** oldest first, as listed in the manifest, without the lost ones */
  segments: Segment[];
  /** ids of segments that could not be read */
  lost: Set<number>;
  /** the segments whose checksum is still to be verified (`load` with `verify: false`) */
  unverified: UnverifiedSegment[];
}


function readIfPresent(file: string): Buffer | null {
  try {
    // Synchronous: one read per file, where the promise API reads 512 KB per thread-pool round trip.
    return readFileSync(file);
  } catch {
    return null;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether `bytes` hash to `expected`, a slice at a time with a turn of the event loop between slices. */
export async function matchesChecksum(bytes: Uint8Array, expected: string): Promise<boolean> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.byteLength; at += VERIFY_SLICE_BYTES) {
    hash.update(bytes.subarray(at, at + VERIFY_SLICE_BYTES));
    await nextTurn();
  }
  return hash.digest('hex') === expected;
}

export class SegmentStore {
  /** segment files known to be on disk with this content: never written twice */
  private readonly written = new Map<number, string>();

  constructor(private readonly dir: string) {}

  /**
   * The persisted state, or null when there is no usable manifest. With `verify: false` the
   * segments' checksums are left to the caller (`unverified`, see `matchesChecksum`).
   */
  async load({ verify = true }: { verify?: boolean } = {}): Promise<LoadedState | null> {
    const manifestBytes = readIfPresent(path.join(this.dir, MANIFEST_FILE));
    if (manifestBytes === null) return null;
    // The segment files first, while the heap is small: each large buffer read counts toward V8's
    // external memory and may start a full collection, which after the manifest is parsed has
    // its 100,000 documents to mark each time (most of the collector's part of opening the index).
    const files = new Map<number, Buffer>();
    for (const name of await this.names()) {
      const match = SEGMENT_FILE.exec(name);
      if (match === null || name !== segmentFile(Number(match[1]))) continue;
      const bytes = readIfPresent(path.join(this.dir, name));
      if (bytes !== null) files.set(Number(match[1]), bytes);
    }
    let manifest: Manifest;
    try {
      const parsed = parseManifest(JSON.parse(manifestBytes.toString('utf8')), FORMAT_VERSION, PIPELINE_VERSION);
      if (parsed === null) return null;
      manifest = parsed;
    } catch {
      return null;
    }
    const segments: Segment[] = [];
    const lost = new Set<number>();
    const unverified: UnverifiedSegment[] = [];
    for (const { id, sha256: expected } of manifest.segments) {
      const bytes = files.get(id) ?? null;
      const segment = bytes === null || (verify && sha256Hex(bytes) !== expected) ? null : this.decode(id, bytes);
      if (segment === null) {
        lost.add(id);
        continue;
      }
      segments.push(segment);
      this.written.set(id, expected);
      if (!verify) unverified.push({ segment, bytes: bytes!, sha256: expected });
    }
    return { manifest, segments, lost, unverified };
  }

  /** The names of the files in the index folder (none when it does not exist). */
  private async names(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch {
      return [];
    }
  }

  private decode(id: number, bytes: Buffer): Segment | null {
    try {
      return Segment.load(id, bytes);
    } catch {
      return null;
    }
  }

  /**
   * Removes the temp files of writes a killed process left behind (a crash mid-save): nothing else
   * ever removes them, so every later `quire check` would report them. Only the index's writer
   * calls this, at open, before its first save (its saves run one at a time, so none is its own);
   * `load` stays read-only because the library check uses it.
   */
  async removeWriteLeftovers(): Promise<void> {
    for (const name of await this.names()) if (WRITE_LEFTOVER.test(name)) await rm(path.join(this.dir, name), { force: true });
  }

  /**
   * Writes the segments not yet on disk, then the manifest, then removes files of segments no
   * longer listed. `segments` must be serialized by the caller's snapshot (see engine).
   */
  async save(state: {
    segments: { id: number; bytes: () => Buffer }[];
    tail: number | null;
    nextKey: number;
    nextSegmentId: number;
    fingerprints: ReadonlyMap<string, string>;
    docs: Manifest['docs'];
  }): Promise<void> {
    // Serialized up front: later changes belong to the next save, not half to this one.
    const toWrite: { id: number; bytes: Buffer }[] = [];
    const listed: { id: number; sha256: string }[] = [];
    for (const segment of state.segments) {
      let checksum = this.written.get(segment.id);
      if (checksum === undefined) {
        const bytes = segment.bytes();
        checksum = sha256Hex(bytes);
        toWrite.push({ id: segment.id, bytes });
      }
      listed.push({ id: segment.id, sha256: checksum });
    }
    const manifest = {
      version: FORMAT_VERSION,
      pipelineVersion: PIPELINE_VERSION,
      nextKey: state.nextKey,
      nextSegmentId: state.nextSegmentId,
      segments: listed,
      tail: state.tail,
      fingerprints: state.fingerprints,
      docs: state.docs,
    };
    const manifestJson = JSON.stringify(toManifestFile(manifest));

    await mkdir(this.dir, { recursive: true });
    for (const { id, bytes } of toWrite) {
      await writeFileAtomic(path.join(this.dir, segmentFile(id)), bytes, { fsync: true });
      this.written.set(id, sha256Hex(bytes));
    }
    await writeFileAtomic(path.join(this.dir, MANIFEST_FILE), manifestJson, { fsync: true });
    await this.removeUnlisted(new Set(listed.map(({ id }) => id)));
  }

  private async removeUnlisted(listed: ReadonlySet<number>): Promise<void> {
    for (const name of await this.names()) {
      const match = SEGMENT_FILE.exec(name);
      // Files of the former JSON format are never listed any more.
      if (match === null || (listed.has(Number(match[1])) && name === segmentFile(Number(match[1])))) continue;
      this.written.delete(Number(match[1]));
      await rm(path.join(this.dir, name), { force: true });
    }
  }
}

export const INDEX_FILE_NAMES = { manifest: MANIFEST_FILE, segment: segmentFile };
