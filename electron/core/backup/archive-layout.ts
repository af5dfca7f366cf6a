/**
 * The one layout of Quire's archives (backups and whole-library exports): `manifest.json`, then the
 * library's own paths, `articles/<id>/…`. Reading an archive trusts nothing in it: an entry is
 * accepted only when its whole name matches one of these patterns (so no `..`, no absolute path,
 * no backslash can name a place outside an article folder) and it unpacks within its size limit.
 */
import { idSchema } from '../../shared/validators';
import * as z from '../../shared/zod';
import { MAX_IMPORT_BYTES } from '../importers/import-formats';

export const ARCHIVE_FORMAT = 'quire-library-archive';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

const MB = 1024 * 1024;

export const archiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.int().check(z.gte(1)),
  /** backup: article.json and annotations only; library: every file of every article */
  kind: z.enum(['backup', 'library']),
  createdAt: z.string(),
  articles: z.array(z.object({ id: idSchema, title: z.string(), annotations: z.int().check(z.gte(0)) })),
});
export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

const ID = '[a-z0-9][a-z0-9-]{2,63}';

/** What an entry is, by its name, and the most it may unpack to. */
const ENTRY_RULES: readonly { pattern: RegExp; file: ArchiveFileKind; maxBytes: number }[] = [
  { pattern: new RegExp(`^articles/(${ID})/article\\.json$`), file: 'meta', maxBytes: 4 * MB },
  { pattern: new RegExp(`^articles/(${ID})/annotations/(${ID})\\.json$`), file: 'annotation', maxBytes: 4 * MB },
  { pattern: new RegExp(`^articles/(${ID})/content\\.html$`), file: 'content', maxBytes: 256 * MB },
  { pattern: new RegExp(`^articles/(${ID})/text\\.txt$`), file: 'text', maxBytes: 256 * MB },
  { pattern: new RegExp(`^articles/(${ID})/(original\\.[a-z0-9]{1,10})$`), file: 'original', maxBytes: MAX_IMPORT_BYTES },
  // The same rule as the article store's for asset names: one generated name inside assets/.
  { pattern: new RegExp(`^articles/(${ID})/(assets/[A-Za-z0-9][A-Za-z0-9_-]{0,100}(?:\\.[A-Za-z0-9]{1,10})?)$`), file: 'asset', maxBytes: 64 * MB },
];

export type ArchiveFileKind = 'meta' | 'annotation' | 'content' | 'text' | 'original' | 'asset';

export interface ArchiveEntryName {
  articleId: string;
  file: ArchiveFileKind;
  /** annotation id, `original.<ext>` or `assets/<name>` */
  detail: string | null;
  maxBytes: number;
}

export const MANIFEST_MAX_BYTES = 64 * MB;
/** Whole archives: most entries, and most bytes all entries may unpack to together. */
export const ARCHIVE_MAX_ENTRIES = 2_000_000;
export const ARCHIVE_MAX_TOTAL_BYTES = 64 * 1024 * MB;

/** The entry a name stands for, or null when the name is not one Quire writes (it is then refused). */
export function parseEntryName(name: string): ArchiveEntryName | null {
  for (const rule of ENTRY_RULES) {
    const match = rule.pattern.exec(name);
    if (match) return { articleId: match[1]!, file: rule.file, detail: match[2] ?? null, maxBytes: rule.maxBytes };
  }
  return null;
}
