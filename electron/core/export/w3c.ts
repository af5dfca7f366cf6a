/**
 * Bookmarks and notes of one article as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
 * one `AnnotationCollection` whose first page holds every annotation. Selectors point into text.txt.
 */
import type { AnchorState, Annotation, ArticleMeta } from '../../shared/models';
import { articleLink, inReadingOrder } from './passage-link';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type W3cMotivation = 'bookmarking' | 'commenting' | 'highlighting';

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: W3cMotivation;
  created: string;
  modified: string;
  /** `quire-highlight-<colour>` when the passage has a colour */
  stylesClass?: string;
  /**
   * How the passage sat in the text when exported. The `quire:` prefix is Quire's URI scheme, so
   * JSON-LD processors read it as a property IRI of its own and other tools ignore it.
   */
  'quire:anchorState'?: AnchorState;
  body?: { type: 'TextualBody'; value: string; format: 'text/markdown'; purpose: 'commenting' };
  target: {
    source: string;
    selector?: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

export interface W3cAnnotationCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** A note is commenting; a coloured bookmark is highlighting; a plain bookmark is bookmarking. */
export function motivationOf(annotation: Annotation): W3cMotivation {
  if (annotation.kind === 'note') return 'commenting';
  return annotation.color ? 'highlighting' : 'bookmarking';
}

/** `quire://article/<articleId>/annotation/<id>`: the annotation's id, which names its article too. */
export const annotationIri = (articleId: string, annotationId: string): string =>
  `${articleLink(articleId)}/annotation/${encodeURIComponent(annotationId)}`;

export function annotationToW3c(annotation: Annotation): W3cAnnotation {
  const source = articleLink(annotation.articleId);
  const result: W3cAnnotation = {
    id: annotationIri(annotation.articleId, annotation.id),
    type: 'Annotation',
    motivation: motivationOf(annotation),
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    target: { source },
  };
  if (annotation.color) result.stylesClass = `quire-highlight-${annotation.color}`;
  if (annotation.note.trim() !== '') {
    result.body = { type: 'TextualBody', value: annotation.note, format: 'text/markdown', purpose: 'commenting' };
  }
  if (annotation.target) {
    result['quire:anchorState'] = annotation.anchorState;
    const { quote, position } = annotation.target;
    result.target.selector = [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ];
  }
  return result;
}

function collectionOf(id: string, label: string, items: W3cAnnotation[]): W3cAnnotationCollection {
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${id}?page=1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function annotationsToW3c(
  article: ArticleMeta,
  annotations: readonly Annotation[],
): W3cAnnotationCollection {
  const items = inReadingOrder(annotations).map(annotationToW3c);
  return collectionOf(`${articleLink(article.id)}/annotations`, `Bookmarks and notes: ${article.title}`, items);
}

/**
 * Every annotated article's bookmarks and notes in one collection: each item's IRI names its
 * article, so `importAnnotations` reads it back exactly as a per-article file.
 */
export function libraryToW3c(articles: readonly { article: ArticleMeta; annotations: readonly Annotation[] }[]): W3cAnnotationCollection {
  const items = articles.flatMap(({ annotations }) => inReadingOrder(annotations).map(annotationToW3c));
  return collectionOf('quire://library/annotations', 'Bookmarks and notes: the whole Quire library', items);
}
