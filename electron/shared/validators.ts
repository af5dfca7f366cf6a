/**
 * Argument schemas for every contract method. Hosts validate untrusted input with these before the
 * core sees it; the core may therefore trust argument shapes (not their meaning: an id that passes
 * here can still be unknown).
 */
import { z } from 'zod';
import type { ArgsOf, ReaderMethod } from './contract';
import { HIGHLIGHT_COLORS } from './models';

/** Ids name folders on disk: a strict alphabet keeps them from ever naming a path. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'is not a valid id');

const MAX_IMPORT_BYTES_BASE64 = Math.ceil((200 * 1024 * 1024 * 4) / 3);
const MAX_QUERY_LENGTH = 1000;
const MAX_NOTE_LENGTH = 100_000;

const colorSchema = z.enum(HIGHLIGHT_COLORS);
const offsetSchema = z.number().int().min(0);

const passageSchema = z.union([
  z
    .object({ start: offsetSchema, end: offsetSchema })
    .strict()
    .refine((p) => p.end > p.start, 'end must be after start'),
  z.object({ quote: z.string().trim().min(1, 'quote is empty').max(MAX_NOTE_LENGTH) }).strict(),
]);

const settingsPatchSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark', 'sepia']),
    fontFamily: z.enum(['serif', 'sans']),
    fontSize: z.number().int().min(12).max(36),
    lastArticleId: idSchema.nullable(),
  })
  .partial()
  .strict();

export const argSchemas = {
  listArticles: z.tuple([]),
  getArticle: z.tuple([idSchema]),
  importPaths: z.tuple([z.array(z.string().min(1)).min(1, 'no paths given').max(100_000)]),
  importDocument: z.tuple([
    z
      .object({
        fileName: z.string().min(1).max(1024),
        dataBase64: z.string().max(MAX_IMPORT_BYTES_BASE64, 'file is larger than 200 MB'),
      })
      .strict(),
  ]),
  deleteArticle: z.tuple([idSchema]),
  restoreArticle: z.tuple([idSchema]),
  listTrash: z.tuple([]),
  getContent: z.tuple([idSchema]),
  setProgress: z.tuple([
    idSchema,
    z.object({ progress: z.number().min(0).max(1), position: offsetSchema }).strict(),
  ]),
  search: z.tuple(
    [z.string().max(MAX_QUERY_LENGTH, 'query is too long')],
    z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict().optional(),
  ),
  listAnnotations: z.tuple([idSchema]),
  createAnnotation: z.tuple([
    z
      .object({
        articleId: idSchema,
        kind: z.enum(['bookmark', 'note']),
        passage: passageSchema.optional(),
        color: colorSchema.optional(),
        note: z.string().max(MAX_NOTE_LENGTH).optional(),
      })
      .strict(),
  ]),
  updateAnnotation: z.tuple([
    idSchema,
    idSchema,
    z
      .object({ color: colorSchema.nullable().optional(), note: z.string().max(MAX_NOTE_LENGTH).optional() })
      .strict(),
  ]),
  deleteAnnotation: z.tuple([idSchema, idSchema]),
  getSettings: z.tuple([]),
  setSettings: z.tuple([settingsPatchSchema]),
} satisfies { [M in ReaderMethod]: z.ZodType };

/** Checks raw arguments against a method's schema; the message names the bad argument. */
export function validateArgs<M extends ReaderMethod>(
  method: M,
  rawArgs: unknown,
): { ok: true; args: ArgsOf<M> } | { ok: false; message: string } {
  const schema: z.ZodType = argSchemas[method];
  const parsed = schema.safeParse(Array.isArray(rawArgs) ? rawArgs : [rawArgs]);
  if (parsed.success) return { ok: true, args: parsed.data as ArgsOf<M> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `argument ${issue.path.join('.')}` : 'arguments';
  return { ok: false, message: `${method}: ${where} ${issue?.message ?? 'are invalid'}` };
}
