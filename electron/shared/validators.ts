/**
 * Argument schemas for every contract method. Hosts validate untrusted input with these before the
 * core sees it; the core may therefore trust argument shapes (not their meaning: an id that passes
 * here can still be unknown).
 */
import type { ArgsOf, ReaderMethod } from './contract';
import { MAX_FIRST_PAGE_COVER_BYTES } from './first-page-cover';
import { LANGUAGE_CHOICES } from './i18n/locales';
import { normalizeLabel, tagProblem } from './labels';
import * as z from './zod';
import {
  ANCHOR_STATES,
  ANNOTATION_EXPORT_FORMATS,
  ANNOTATION_KINDS,
  ARTICLE_FORMATS,
  ARTICLE_SORTS,
  FONT_FAMILIES,
  HIGHLIGHT_COLORS,
  LIBRARY_LAYOUTS,
  MARKED_READ_STATES,
  READ_STATES,
  SEARCH_SORTS,
  READING_MODES,
  THEMES,
} from './models';

/** Ids name folders on disk: a strict alphabet keeps them from ever naming a path. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;
export const idSchema = z.string().check(z.regex(ID_PATTERN, 'is not a valid id'));

const MAX_IMPORT_BYTES_BASE64 = Math.ceil((200 * 1024 * 1024 * 4) / 3);
const MAX_QUERY_LENGTH = 1000;
const MAX_NOTE_LENGTH = 100_000;
const MAX_ANNOTATION_IMPORT_LENGTH = 50 * 1024 * 1024;
const MAX_EXPORTED_ARTICLES = 1000;
const MAX_FIRST_PAGE_COVER_BASE64 = Math.ceil((MAX_FIRST_PAGE_COVER_BYTES * 4) / 3);

/** A string of at most `max` characters, with the message to give past it. */
const stringUpTo = (max: number, message?: string) => z.string().check(z.maxLength(max, message));

const colorSchema = z.enum(HIGHLIGHT_COLORS);
const offsetSchema = z.int().check(z.gte(0));

const passageSchema = z.union([
  z.strictObject({ start: offsetSchema, end: offsetSchema }).check(z.refine((p) => p.end > p.start, 'end must be after start')),
  z.strictObject({ quote: z.string().check(z.trim(), z.minLength(1, 'quote is empty'), z.maxLength(MAX_NOTE_LENGTH)) }),
]);

/** A day for search date filters. */
const searchDaySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)'));

// The label rules live in labels.ts (no zod) so that the page can check an edit by them too.
export { cleanLabel } from './labels';

/** A date and time as ISO 8601 writes it (`2026-12-03T14:05:00.000Z`, an offset, or a day alone) that is a real date. */
export const isoDateTimeSchema = z.string().check(
  z.maxLength(64),
  z.regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/, 'is not an ISO 8601 date'),
  z.refine((value) => {
    const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    // Date.parse rolls 30 February over into March: the day must exist as written.
    return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && month <= 12 && !Number.isNaN(Date.parse(value));
  }, 'is not a real date'),
);

/** A tag is a short label: one line, no control or invisible characters, at most 64 characters (labels.ts). */
export const tagSchema = z.pipe(z.string(), z.transform(normalizeLabel)).check(
  z.superRefine((tag, context) => {
    const problem = tagProblem(tag);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem, input: tag });
  }),
);

/** Several articles at once (bulk actions on a selection). */
const articleIdsSchema = z.array(idSchema).check(z.minLength(1, 'no articles given'), z.maxLength(100_000));

const tagsArgs = z.tuple([articleIdsSchema, z.array(tagSchema).check(z.minLength(1, 'no tags given'), z.maxLength(100))]);

/** A language as articles are tagged with it (`en`, `fr-CA`, `en_US`): filters compare its first part. */
const languageTagSchema = z
  .string()
  .check(z.maxLength(35), z.regex(/^[a-z]{2,3}([-_][a-z0-9]{1,8})*$/i, 'is not a language code (en, fr, pt-BR, …)'));

const articleQuerySchema = z.strictObject({
  tag: z.optional(tagSchema),
  readState: z.optional(z.enum(READ_STATES)),
  format: z.optional(z.enum(ARTICLE_FORMATS)),
  lang: z.optional(languageTagSchema),
  sort: z.optional(z.enum(ARTICLE_SORTS)),
  limit: z.optional(z.int().check(z.gte(1))),
});

const importPathsSchema = z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'no paths given'), z.maxLength(100_000));

const passageTargetSchema = z.strictObject({
  quote: z.strictObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().check(z.minLength(1), z.maxLength(MAX_NOTE_LENGTH)),
    prefix: stringUpTo(MAX_NOTE_LENGTH),
    suffix: stringUpTo(MAX_NOTE_LENGTH),
  }),
  position: z.strictObject({ type: z.literal('TextPositionSelector'), start: offsetSchema, end: offsetSchema }),
});

/** A whole annotation as the core gave it (restoring a deleted one). */
const annotationSchema = z.strictObject({
  id: idSchema,
  articleId: idSchema,
  kind: z.enum(ANNOTATION_KINDS),
  target: z.nullable(passageTargetSchema),
  color: z.nullable(colorSchema),
  note: stringUpTo(MAX_NOTE_LENGTH),
  anchorState: z.enum(ANCHOR_STATES),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});

const settingsPatchSchema = z.partial(
  z.strictObject({
    language: z.enum(LANGUAGE_CHOICES),
    theme: z.enum(THEMES),
    fontFamily: z.enum(FONT_FAMILIES),
    fontSize: z.int().check(z.gte(12), z.lte(36)),
    lineHeight: z.number().check(z.gte(1.2), z.lte(2.4)),
    columnWidth: z.int().check(z.gte(40), z.lte(100)),
    sideMargin: z.int().check(z.gte(0), z.lte(160)),
    paragraphSpacing: z.number().check(z.gte(0), z.lte(2.5)),
    justify: z.boolean(),
    hyphenate: z.boolean(),
    focusMode: z.boolean(),
    readingMode: z.enum(READING_MODES),
    listenRate: z.number().check(z.gte(0.5), z.lte(3)),
    listenVoices: z
      .record(z.string().check(z.regex(/^[a-z]{2,3}$/, 'is not a language')), z.string().check(z.minLength(1), z.maxLength(200)))
      .check(z.refine((voices) => Object.keys(voices).length <= 100, 'holds more than 100 languages')),
    libraryLayout: z.enum(LIBRARY_LAYOUTS),
    lastArticleId: z.nullable(idSchema),
  }),
);

export const argSchemas = {
  listArticles: z.tuple([z.optional(articleQuerySchema)]),
  getArticle: z.tuple([idSchema]),
  listFacets: z.tuple([]),
  importPaths: z.tuple([importPathsSchema]),
  importUrl: z.tuple([
    z.string().check(z.trim(), z.minLength(1, 'is an empty address'), z.maxLength(8192, 'is an address longer than 8,192 characters')),
  ]),
  startImport: z.tuple([importPathsSchema]),
  cancelImport: z.tuple([idSchema]),
  prepareImport: z.tuple([]),
  tagArticles: tagsArgs,
  untagArticles: tagsArgs,
  importDocument: z.tuple([
    z.strictObject({
      fileName: z.string().check(z.minLength(1), z.maxLength(1024)),
      dataBase64: stringUpTo(MAX_IMPORT_BYTES_BASE64, 'file is larger than 200 MB'),
      progressId: z.optional(idSchema),
    }),
  ]),
  deleteArticle: z.tuple([idSchema]),
  restoreArticle: z.tuple([idSchema]),
  deleteArticles: z.tuple([articleIdsSchema]),
  restoreArticles: z.tuple([articleIdsSchema]),
  listTrash: z.tuple([]),
  emptyTrash: z.tuple([]),
  getContent: z.tuple([idSchema, z.optional(z.strictObject({ textApart: z.optional(z.boolean()) }))]),
  getChapter: z.tuple([idSchema, z.int().check(z.gte(0), z.lte(1_000_000))]),
  setProgress: z.tuple([idSchema, z.strictObject({ progress: z.number().check(z.gte(0), z.lte(1)), position: offsetSchema })]),
  setReadState: z.tuple([articleIdsSchema, z.enum(MARKED_READ_STATES)]),
  // Only shapes and generous bounds here: the rules (empty title, lengths) are the core's, in
  // article-edit.ts, so the page and every host refuse with the same sentence.
  editArticle: z.tuple([
    idSchema,
    z.strictObject({
      title: z.optional(stringUpTo(MAX_NOTE_LENGTH, 'is a title far too long')),
      byline: z.optional(z.nullable(stringUpTo(MAX_NOTE_LENGTH, 'is an author far too long'))),
      tags: z.optional(z.array(stringUpTo(MAX_NOTE_LENGTH, 'is a tag far too long')).check(z.maxLength(1000))),
    }),
  ]),
  // Bounded here by size only; the core reads the picture's header (first-page-cover.ts).
  setFirstPageCover: z.tuple([
    idSchema,
    z.string().check(z.minLength(1, 'is an empty picture'), z.maxLength(MAX_FIRST_PAGE_COVER_BASE64, 'is a picture larger than 512 KB')),
  ]),
  search: z.tuple([
    stringUpTo(MAX_QUERY_LENGTH, 'query is too long'),
    z.optional(
      z.strictObject({
        limit: z.optional(z.int().check(z.gte(1), z.lte(1000))),
        offset: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
        tags: z.optional(z.array(tagSchema).check(z.maxLength(100))),
        formats: z.optional(z.array(z.enum(ARTICLE_FORMATS)).check(z.maxLength(10))),
        languages: z.optional(z.array(z.string().check(z.regex(/^[a-z]{2,3}$/i, 'is not a language code'))).check(z.maxLength(50))),
        from: z.optional(searchDaySchema),
        to: z.optional(searchDaySchema),
        sort: z.optional(z.enum(SEARCH_SORTS)),
        explain: z.optional(z.boolean()),
      }),
    ),
  ]),
  listAnnotations: z.tuple([idSchema]),
  createAnnotation: z.tuple([
    z.strictObject({
      articleId: idSchema,
      kind: z.enum(ANNOTATION_KINDS),
      passage: z.optional(passageSchema),
      color: z.optional(colorSchema),
      note: z.optional(stringUpTo(MAX_NOTE_LENGTH)),
    }),
  ]),
  updateAnnotation: z.tuple([
    idSchema,
    idSchema,
    z.strictObject({
      color: z.optional(z.nullable(colorSchema)),
      note: z.optional(stringUpTo(MAX_NOTE_LENGTH)),
      passage: z.optional(passageSchema),
    }),
  ]),
  deleteAnnotation: z.tuple([idSchema, idSchema]),
  restoreAnnotation: z.tuple([annotationSchema]),
  listAllAnnotations: z.tuple([]),
  exportAnnotations: z.tuple([idSchema, z.enum(ANNOTATION_EXPORT_FORMATS)]),
  exportLibraryAnnotations: z.tuple([z.enum(ANNOTATION_EXPORT_FORMATS)]),
  // One download, built in memory: a bound keeps it a reasonable size.
  exportArticles: z.tuple([
    z.array(idSchema).check(z.minLength(1, 'no articles given'), z.maxLength(MAX_EXPORTED_ARTICLES, 'is more than 1,000 articles: export them in smaller selections')),
  ]),
  importAnnotations: z.tuple([z.string().check(z.minLength(1, 'is empty'), z.maxLength(MAX_ANNOTATION_IMPORT_LENGTH, 'is larger than 50 MB'))]),
  replaceArticleText: z.tuple([idSchema, z.string().check(z.minLength(1, 'is an empty path'))]),
  getSettings: z.tuple([]),
  setSettings: z.tuple([settingsPatchSchema]),
  libraryHealth: z.tuple([]),
} satisfies { [M in ReaderMethod]: z.ZodMiniType<ArgsOf<M>, unknown> };

/**
 * `satisfies` above proves every schema's output is a valid argument list; this proves the
 * converse, so a value the contract allows can never be refused by a schema that fell behind it
 * (a new format, colour or option): a drift either way is a compile error naming the method.
 */
type SchemaLagsBehindContract = {
  [M in ReaderMethod]: ArgsOf<M> extends z.output<(typeof argSchemas)[M]> ? never : M;
}[ReaderMethod];
const everySchemaAcceptsItsContract: [SchemaLagsBehindContract] extends [never] ? true : SchemaLagsBehindContract = true;
void everySchemaAcceptsItsContract;

/** The same schemas, typed per method so a lookup by a generic method keeps its argument type. */
const schemaOf: { [M in ReaderMethod]: z.ZodMiniType<ArgsOf<M>, unknown> } = argSchemas;

/** Checks raw arguments against a method's schema; the message names the bad argument. */
export function validateArgs<M extends ReaderMethod>(
  method: M,
  rawArgs: unknown,
): { ok: true; args: ArgsOf<M> } | { ok: false; message: string } {
  const schema: z.ZodMiniType<ArgsOf<M>, unknown> = schemaOf[method];
  const parsed = schema.safeParse(Array.isArray(rawArgs) ? rawArgs : [rawArgs]);
  if (parsed.success) return { ok: true, args: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `argument ${issue.path.join('.')}` : 'arguments';
  return { ok: false, message: `${method}: ${where} ${issue?.message ?? 'are invalid'}` };
}
