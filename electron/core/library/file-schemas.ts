/**
 * Shapes of the JSON files in a library. They are read back with these schemas because a library
 * is plain files that a user, a sync tool or another Quire version may have touched. Fields that
 * only carry reading state get defaults, so a hand-edited file still opens.
 */
import { z } from 'zod';
import type { Annotation, ArticleMeta } from '../../shared/models';
import { HIGHLIGHT_COLORS, TIMED_FIELDS } from '../../shared/models';
import { idSchema } from '../../shared/validators';
import { ASSET_PATH } from './library-paths';

export const LIBRARY_FORMAT_VERSION = 1;

export const libraryManifestSchema = z.object({
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
});
export type LibraryManifest = z.infer<typeof libraryManifestSchema>;

const nullableString = z.string().nullable().default(null);

export const articleMetaSchema: z.ZodType<ArticleMeta> = z.object({
  id: idSchema,
  title: z.string(),
  byline: nullableString,
  siteName: nullableString,
  url: nullableString,
  lang: nullableString,
  dir: z.enum(['ltr', 'rtl']).nullable().default(null),
  format: z.enum(['txt', 'md', 'html', 'epub', 'pdf']),
  addedAt: z.string(),
  updatedAt: z.string(),
  publishedAt: nullableString,
  excerpt: nullableString,
  tags: z.array(z.string()).default([]),
  contentHash: z.string(),
  readState: z.enum(['unread', 'reading', 'finished']).default('unread'),
  progress: z.number().min(0).max(1).default(0),
  position: z.number().int().min(0).default(0),
  lastReadAt: z.string().optional(),
  wordCount: z.number().int().min(0).default(0),
  source: nullableString,
  // Optional: files older versions wrote have neither, and those versions drop both when they rewrite.
  fieldUpdatedAt: z.partialRecord(z.enum(TIMED_FIELDS), z.string()).optional(),
  tagsRemovedAt: z.record(z.string(), z.string()).optional(),
  // Optional: older files have none (no cover shown); older versions drop it when they rewrite.
  cover: z.string().regex(ASSET_PATH).optional(),
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
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  }),
});

export const annotationSchema: z.ZodType<Annotation> = z.object({
  id: idSchema,
  articleId: idSchema,
  kind: z.enum(['bookmark', 'note']),
  target: passageTargetSchema.nullable(),
  color: z.enum(HIGHLIGHT_COLORS).nullable().default(null),
  note: z.string().default(''),
  // Files written before re-anchoring existed were placed exactly when they were made.
  anchorState: z.enum(['exact', 'fuzzy', 'unplaced']).default('exact'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
