/**
 * Reading back a W3C Web Annotation file as Quire writes it (`w3c.ts`): an AnnotationCollection,
 * an AnnotationPage, an array of annotations or a single one. Each annotation names its article
 * and its own id in its IRI (`quire://article/<articleId>/annotation/<id>`). An annotation that
 * does not fit is skipped with one sentence saying why; the others are still read.
 */
import type { Annotation, AnnotationKind, HighlightColor } from '../../shared/models';
import { HIGHLIGHT_COLORS } from '../../shared/models';
import { say, type CoreSentence } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { idSchema, isoDateTimeSchema } from '../../shared/validators';
import * as z from '../../shared/zod';

const selectorSchema = z.union([
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z._default(z.string(), ''), suffix: z._default(z.string(), '') }),
  z.object({ type: z.literal('TextPositionSelector'), start: z.int().check(z.gte(0)), end: z.int().check(z.gte(0)) }),
  z.looseObject({ type: z.string() }),
]);

const w3cAnnotationSchema = z.looseObject({
  id: z.string(),
  type: z.literal('Annotation'),
  motivation: z.optional(z.enum(['bookmarking', 'commenting', 'highlighting'])),
  created: isoDateTimeSchema,
  modified: z.optional(isoDateTimeSchema),
  stylesClass: z.optional(z.string()),
  'quire:anchorState': z.optional(z.enum(['exact', 'fuzzy', 'unplaced'])),
  body: z.optional(z.looseObject({ type: z.literal('TextualBody'), value: z.string() })),
  target: z.looseObject({ source: z.string(), selector: z.optional(z.array(selectorSchema)) }),
});

type W3cInput = z.infer<typeof w3cAnnotationSchema>;

const ANNOTATION_IRI = /^quire:\/\/article\/([^/?#]+)\/annotation\/([^/?#]+)$/;

export interface ReadAnnotations {
  annotations: Annotation[];
  /** why each item that could not be read was skipped */
  skipped: CoreSentence[];
}

/** The items of whatever shape the file has; throws when it is none of the W3C shapes. */
function itemsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (typeof document === 'object' && document !== null) {
    const record = document as Record<string, unknown>;
    if (record.type === 'AnnotationCollection') {
      const first = record.first as Record<string, unknown> | undefined;
      if (first && Array.isArray(first.items)) return first.items;
      return [];
    }
    if (record.type === 'AnnotationPage' && Array.isArray(record.items)) return record.items;
    if (record.type === 'Annotation') return [record];
  }
  throw sentenceError('invalid-argument', say('core.error.notW3cAnnotations'));
}

const colorOf = (stylesClass: string | undefined): HighlightColor | null => {
  const name = stylesClass?.match(/^quire-highlight-([a-z]+)$/)?.[1];
  return name && (HIGHLIGHT_COLORS as readonly string[]).includes(name) ? (name as HighlightColor) : null;
};

/** The annotation, or the sentence saying why it cannot be one. */
function toAnnotation(item: W3cInput): Annotation | CoreSentence {
  const iri = item.id.match(ANNOTATION_IRI);
  const articleId = iri?.[1] ? decodeURIComponent(iri[1]) : '';
  const id = iri?.[2] ? decodeURIComponent(iri[2]) : '';
  if (!iri || !idSchema.safeParse(articleId).success || !idSchema.safeParse(id).success) {
    return say('core.annotations.notQuire', { id: item.id });
  }
  const quote = item.target.selector?.find((s) => s.type === 'TextQuoteSelector') as
    | { exact: string; prefix: string; suffix: string }
    | undefined;
  const position = item.target.selector?.find((s) => s.type === 'TextPositionSelector') as
    | { start: number; end: number }
    | undefined;
  if (item.target.selector && (!quote || !position)) {
    return say('core.annotations.needsSelectors', { id: item.id });
  }
  const kind: AnnotationKind = item.motivation === 'commenting' ? 'note' : 'bookmark';
  return {
    id,
    articleId,
    kind,
    target:
      quote && position
        ? {
            quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
            position: { type: 'TextPositionSelector', start: position.start, end: position.end },
          }
        : null,
    color: colorOf(item.stylesClass),
    note: item.body?.value ?? '',
    anchorState: quote ? (item['quire:anchorState'] ?? 'exact') : 'exact',
    createdAt: item.created,
    updatedAt: item.modified ?? item.created,
  };
}

/** Parses the JSON text of an export; bad JSON or an unknown shape throws one clear sentence. */
export function annotationsFromW3c(json: string): ReadAnnotations {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw sentenceError('invalid-argument', say('core.error.notJson'));
  }
  const annotations: Annotation[] = [];
  const skipped: CoreSentence[] = [];
  for (const [index, raw] of itemsOf(document).entries()) {
    const parsed = w3cAnnotationSchema.safeParse(raw);
    if (!parsed.success) {
      skipped.push(say('core.annotations.itemUnreadable', { item: index + 1, field: parsed.error.issues[0]?.path.join('.') || 'shape' }));
      continue;
    }
    const annotation = toAnnotation(parsed.data);
    if ('values' in annotation) skipped.push(annotation);
    else annotations.push(annotation);
  }
  return { annotations, skipped };
}
