/**
 * Shapes of the JSON files in a library. They are read back with these schemas because a library
 * is plain files that a user, a sync tool or another Quire version may have touched. Fields that
 * only carry reading state get defaults, so a hand-edited file still opens.
 */
import type { Annotation, ArticleMeta } from '../../shared/models';
import { HIGHLIGHT_COLORS, TIMED_FIELDS } from '../../shared/models';
import { WRITING_MODES } from '../../shared/fixed-layout';
import { idSchema } from '../../shared/validators';
import * as z from '../../shared/zod';
import { ASSET_PATH } from './library-paths';

export const LIBRARY_FORMAT_VERSION = 1;

export const libraryManifestSchema = z.object({
  formatVersion: z.int().check(z.gte(1)),
  createdAt: z.string(),
});
export type LibraryManifest = z.infer<typeof libraryManifestSchema>;

const nullableString = z._default(z.nullable(z.string()), null);
const count = z.int().check(z.gte(0));

export const articleMetaSchema: z.ZodMiniType<ArticleMeta> = z.object({
  id: idSchema,
  title: z.string(),
  byline: nullableString,
  siteName: nullableString,
  url: nullableString,
  lang: nullableString,
  dir: z._default(z.nullable(z.enum(['ltr', 'rtl'])), null),
  format: z.enum(['txt', 'md', 'html', 'epub', 'pdf']),
  addedAt: z.string(),
  updatedAt: z.string(),
  publishedAt: nullableString,
  excerpt: nullableString,
  tags: z._default(z.array(z.string()), []),
  contentHash: z.string(),
  readState: z._default(z.enum(['unread', 'reading', 'finished']), 'unread'),
  progress: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
  position: z._default(count, 0),
  lastReadAt: z.optional(z.string()),
  wordCount: z._default(count, 0),
  source: nullableString,
  // Optional: files older versions wrote have neither, and those versions drop both when they rewrite.
  fieldUpdatedAt: z.optional(z.partialRecord(z.enum(TIMED_FIELDS), z.string())),
  tagsRemovedAt: z.optional(z.record(z.string(), z.string())),
  // Optional: older files have none (no cover shown); older versions drop it when they rewrite.
  cover: z.optional(z.string().check(z.regex(ASSET_PATH))),
  // Optional too: books imported before are horizontal and reflowed.
  writingMode: z.optional(z.enum(WRITING_MODES)),
  fixedLayout: z.optional(z.string().check(z.regex(ASSET_PATH))),
});

const passageTargetSchema = z.object({
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  }),
  position: z.object({
    type: z.literal('TextPositionSelector'),
    start: count,
    end: count,
  }),
});

export const annotationSchema: z.ZodMiniType<Annotation> = z.object({
  id: idSchema,
  articleId: idSchema,
  kind: z.enum(['bookmark', 'note']),
  target: z.nullable(passageTargetSchema),
  color: z._default(z.nullable(z.enum(HIGHLIGHT_COLORS)), null),
  note: z._default(z.string(), ''),
  // Files written before re-anchoring existed were placed exactly when they were made.
  anchorState: z._default(z.enum(['exact', 'fuzzy', 'unplaced']), 'exact'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
