/**
 * The index on disk: a serialized Lunr index, the analyzed terms of every document (so the index
 * can be rebuilt after a change without re-reading the library), and a manifest holding the
 * fingerprints, per-document metadata and the sha256 of both data files. Every file is written
 * atomically (temp file, fsync, rename), the manifest last: a crash mid-save leaves a checksum
 * mismatch, which only costs a rebuild. Anything unreadable loads as "no index", never an error.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import lunr from 'lunr';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { INDEX_FIELDS, type IndexField } from './search-fields';
import { PIPELINE_VERSION, type AnalyzedField } from './text-pipeline';

/** Bump when the layout of these files changes. */
const FORMAT_VERSION = 1;

const MANIFEST_FILE = 'manifest.json';
const INDEX_FILE = 'lunr-index.json';
const TERMS_FILE = 'doc-terms.json';

/** What the index keeps about one document besides its terms: enough to show and check a hit. */
export interface StoredDoc {
  ref: string;
  articleId: string;
  annotationId: string | null;
  kind: 'article' | 'bookmark' | 'note';
  title: string;
  byline: string;
  siteName: string;
  tags: string[];
  /** bookmark/note: the quoted passage; articles: empty (their text is read from text.txt) */
  quote: string;
  /** bookmark/note: the note text; articles: empty */
  note: string;
  passage: { start: number; end: number } | null;
}

export type AnalyzedDoc = Record<IndexField, AnalyzedField>;

export interface LoadedIndex {
  index: lunr.Index;
  fingerprints: Map<string, string>;
  docs: Map<string, StoredDoc>;
  /** the terms file is parsed only when the index has to be rebuilt */
  termsChecksum: string;
}

export interface IndexSnapshot {
  index: lunr.Index;
  fingerprints: ReadonlyMap<string, string>;
  docs: ReadonlyMap<string, StoredDoc>;
  analyzed: ReadonlyMap<string, AnalyzedDoc>;
}

const checksumSchema = z.string().regex(/^[0-9a-f]{64}$/);

const storedDocSchema = z.object({
  ref: z.string(),
  articleId: z.string(),
  annotationId: z.string().nullable(),
  kind: z.enum(['article', 'bookmark', 'note']),
  title: z.string(),
  byline: z.string(),
  siteName: z.string(),
  tags: z.array(z.string()),
  quote: z.string(),
  note: z.string(),
  passage: z.object({ start: z.number(), end: z.number() }).nullable(),
});

const manifestSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  pipelineVersion: z.literal(PIPELINE_VERSION),
  index: z.object({ file: z.literal(INDEX_FILE), sha256: checksumSchema }),
  terms: z.object({ file: z.literal(TERMS_FILE), sha256: checksumSchema }),
  fingerprints: z.record(z.string(), z.string()),
  docs: z.record(z.string(), storedDocSchema),
});

const analyzedFieldSchema = z.object({ length: z.number().int().min(0), terms: z.string() });
const analyzedDocSchema = z.object(
  Object.fromEntries(INDEX_FIELDS.map((field) => [field, analyzedFieldSchema])) as Record<
    IndexField,
    typeof analyzedFieldSchema
  >,
);
const termsFileSchema = z.object({ docs: z.record(z.string(), analyzedDocSchema) });

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

export class IndexStore {
  constructor(private readonly dir: string) {}

  /** The persisted index, or null when it is missing, from another version, or damaged. */
  async load(): Promise<LoadedIndex | null> {
    try {
      const manifestBytes = await readIfPresent(path.join(this.dir, MANIFEST_FILE));
      if (manifestBytes === null) return null;
      const manifest = manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
      if (!manifest.success) return null;

      const indexBytes = await readIfPresent(path.join(this.dir, INDEX_FILE));
      if (indexBytes === null || sha256(indexBytes) !== manifest.data.index.sha256) return null;
      // Checked now, parsed later: a mismatch found only at rebuild time would be too late to
      // report the articles as stale.
      const termsBytes = await readIfPresent(path.join(this.dir, TERMS_FILE));
      if (termsBytes === null || sha256(termsBytes) !== manifest.data.terms.sha256) return null;

      const index = lunr.Index.load(JSON.parse(indexBytes.toString('utf8')) as object);
      const docs = new Map<string, StoredDoc>();
      for (const [ref, doc] of Object.entries(manifest.data.docs)) {
        if (doc.ref === ref) docs.set(ref, doc);
      }
      return {
        index,
        fingerprints: new Map(Object.entries(manifest.data.fingerprints)),
        docs,
        termsChecksum: manifest.data.terms.sha256,
      };
    } catch {
      // Unparseable JSON, or a Lunr index Lunr itself refuses: the cache is simply rebuilt.
      return null;
    }
  }

  /** The analyzed terms saved with the index, or null if the file changed since `load`. */
  async loadTerms(expectedChecksum: string): Promise<Map<string, AnalyzedDoc> | null> {
    try {
      const bytes = await readIfPresent(path.join(this.dir, TERMS_FILE));
      if (bytes === null || sha256(bytes) !== expectedChecksum) return null;
      const parsed = termsFileSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      return parsed.success ? new Map(Object.entries(parsed.data.docs)) : null;
    } catch {
      return null;
    }
  }

  /** Writes the snapshot; returns the checksum of the terms file written. */
  async save(snapshot: IndexSnapshot): Promise<string> {
    // Serialized before the first await: changes made while the files are written belong to
    // the next save, not half to this one.
    const indexJson = JSON.stringify(snapshot.index);
    const termsJson = JSON.stringify({ docs: Object.fromEntries(snapshot.analyzed) });
    const manifest: z.infer<typeof manifestSchema> = {
      version: FORMAT_VERSION,
      pipelineVersion: PIPELINE_VERSION,
      index: { file: INDEX_FILE, sha256: sha256(indexJson) },
      terms: { file: TERMS_FILE, sha256: sha256(termsJson) },
      fingerprints: Object.fromEntries(snapshot.fingerprints),
      docs: Object.fromEntries(snapshot.docs),
    };
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(path.join(this.dir, INDEX_FILE), indexJson, { fsync: true });
    await writeFileAtomic(path.join(this.dir, TERMS_FILE), termsJson, { fsync: true });
    await writeFileAtomic(path.join(this.dir, MANIFEST_FILE), JSON.stringify(manifest), {
      fsync: true,
    });
    return manifest.terms.sha256;
  }
}

export const INDEX_FILE_NAMES = { manifest: MANIFEST_FILE, index: INDEX_FILE, terms: TERMS_FILE };
