/** The `search` command's filter, order and --explain options, and how an explanation prints. */
import { InvalidArgumentError } from 'commander';
import { primaryLanguage } from '../shared/article-query';
import { ARTICLE_FORMATS, SEARCH_SORTS, type ArticleFormat, type SearchHit, type SearchOptions } from '../shared/models';

export interface SearchCommandOptions {
  json?: boolean;
  limit?: number;
  tag?: string[];
  format?: string[];
  lang?: string[];
  from?: string;
  to?: string;
  sort?: string;
  explain?: boolean;
}

/** Repeatable options (`--tag a --tag b`) arrive as lists. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function collectFormat(value: string, previous: string[] = []): string[] {
  const format = value.toLowerCase();
  if (!(ARTICLE_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidArgumentError(`--format must be one of ${ARTICLE_FORMATS.join(', ')}.`);
  }
  return [...previous, format];
}

export function parseDay(name: string) {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new InvalidArgumentError(`${name} must be a date written YYYY-MM-DD.`);
    }
    return value;
  };
}

export function parseSort(value: string): string {
  if (!(SEARCH_SORTS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`--sort must be ${SEARCH_SORTS.join(' or ')}.`);
  }
  return value;
}

export function searchOptionsOf(options: SearchCommandOptions): SearchOptions {
  // Checked by collectFormat when the option was parsed.
  const formats = options.format as ArticleFormat[] | undefined;
  return {
    ...(options.limit ? { limit: options.limit } : {}),
    ...(options.tag ? { tags: options.tag } : {}),
    ...(formats ? { formats } : {}),
    // `en_US` or `pt-BR` filter by their first part, as the library's languages are counted; what is
    // no language tag at all goes on as given, for the contract's check to name it.
    ...(options.lang ? { languages: options.lang.map((lang) => primaryLanguage(lang) ?? lang) } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.sort === 'date' || options.sort === 'relevance' ? { sort: options.sort } : {}),
    ...(options.explain ? { explain: true } : {}),
  };
}

/** Under a hit: each term's share of the score, what ranking multiplied it by, and the phrases confirmed in the text. */
export function explanationLines(hit: SearchHit): string {
  const explanation = hit.explanation;
  if (explanation === undefined) return '';
  const lines = explanation.parts.map(
    (part) =>
      `        ${part.score.toFixed(2).padStart(6)} = ${part.term} in ${part.field}: tf ${part.tf}, idf ${part.idf.toFixed(2)}, weight ${part.weight}`,
  );
  if (Math.abs(explanation.rerank - 1) > 1e-9) {
    lines.push(`        × ${explanation.rerank.toFixed(2)} by ranking (title, notes, words as typed, word order)`);
  }
  for (const phrase of explanation.phrases) lines.push(`        phrase "${phrase}" found in the text`);
  return lines.join('\n');
}
