/**
 * The one text normalization Quire uses for indexing, querying, phrase checks and snippets.
 * Every path goes through the functions below so that a word in the text and the same word in a
 * query always become the same index term (lunr.md §A8, §D6).
 */
import lunr from 'lunr';
import { DEFAULT_LANGUAGE, language } from './languages';

/**
 * Bump whenever tokenization or normalization changes: a persisted index built by another
 * version holds different terms and must be rebuilt, not reused.
 */
export const PIPELINE_VERSION = 2;

/** A word of the original text with its offsets (UTF-16 code units, as text.txt offsets are). */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

// Splitting on Unicode punctuation and symbols as well as spaces, so `node.js`, `foo_bar`,
// `arch/x86` and `NASA's` yield their parts; lunr's default splits only on spaces and hyphens.
const WORD = /[^\s\p{P}\p{S}]+/gu;

// Chinese and Japanese write words without spaces: runs of these scripts are cut into
// overlapping pairs of characters (bigrams), in the text and in queries alike, so a word of two or
// more characters is found wherever it occurs (图书馆 → 图书 书馆, a phrase of bigrams).
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function pushBigrams(tokens: WordToken[], run: string, offset: number): void {
  const chars = [...run];
  if (chars.length === 1) {
    tokens.push({ text: run, start: offset, end: offset + run.length });
    return;
  }
  let at = offset;
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const text = chars[i]! + chars[i + 1]!;
    tokens.push({ text, start: at, end: at + text.length });
    at += chars[i]!.length;
  }
}

function pushWord(tokens: WordToken[], word: string, start: number): void {
  if (!HAS_CJK.test(word)) {
    tokens.push({ text: word, start, end: start + word.length });
    return;
  }
  // Latin parts of a mixed run (`Python是`) stay words of their own.
  let at = 0;
  for (const match of word.matchAll(CJK_RUN)) {
    if (match.index > at) tokens.push({ text: word.slice(at, match.index), start: start + at, end: start + match.index });
    pushBigrams(tokens, match[0], start + match.index);
    at = match.index + match[0].length;
  }
  if (at < word.length) tokens.push({ text: word.slice(at), start: start + at, end: start + word.length });
}

export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) pushWord(tokens, match[0], match.index);
  return tokens;
}

// Diacritics of Latin, Greek and Cyrillic (combining blocks), Hebrew points and Arabic harakat.
// Not every \p{M}: Indic vowel signs are combining marks too, and stripping them would merge
// unrelated words.
// (One class per block: marks adjacent in one class trip no-misleading-character-class.)
// The breve of Cyrillic й is kept (й is a letter of its own, and Russian endings like -ый need it).
const DIACRITICS =
  /(?<![иИ])\u0306|[\u0300-\u0305]|[\u0307-\u036f]|[\u1ab0-\u1aff]|[\u1dc0-\u1dff]|[\u20d0-\u20ff]|[\ufe20-\ufe2f]|[\u0591-\u05c7]|[\u064b-\u065f]|\u0670/g;
// Soft hyphens, zero-width joiners and the like: invisible, so they must not split a match.
const INVISIBLE = /\p{Cf}/gu;
// Compatibility decomposition can produce spaces or punctuation (ﷺ, ¼); terms must stay single
// words, and the term store encodes terms separated by spaces and colons.
const NON_WORD = /[\s\p{P}\p{S}]/gu;
const EDGES = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;

/**
 * Long runs without a separator (a CJK sentence, a base64 blob) are useless as terms and make
 * Lunr's wildcard expansion slow (lunr #270): keep a bounded prefix.
 */
export const MAX_TERM_LENGTH = 64;

/** Case and diacritic folding: `Café` → `cafe`, `İstanbul` → `istanbul`, `Straße` → `strasse`. */
export function fold(word: string): string {
  return (
    word
      .normalize('NFKD')
      .replace(DIACRITICS, '')
      .replace(INVISIBLE, '')
      .replace(NON_WORD, '')
      // NFC recomposes what NFKD split but is not a diacritic (Hangul syllables).
      .normalize('NFC')
      // Upper then lower is full case folding for ß, final sigma and dotless i.
      .toUpperCase()
      .toLowerCase()
  );
}

/** Lunr's trimmer only knows ASCII `\w` (`café` → `caf`); this one keeps any letter or digit. */
export function trim(word: string): string {
  const trimmed = word.replace(EDGES, '');
  if (trimmed.length <= MAX_TERM_LENGTH) return trimmed;
  // Never cut a surrogate pair in half.
  const cut = /[\ud800-\udbff]/.test(trimmed.charAt(MAX_TERM_LENGTH - 1)) ? MAX_TERM_LENGTH - 1 : MAX_TERM_LENGTH;
  return trimmed.slice(0, cut);
}

// Words repeat a lot within and across documents; folding (two normalizations) and the stemmer
// are the costly steps, so both results are memoized per surface word (and language).
const CACHE_LIMIT = 100_000;

function memoize(compute: (surface: string) => string | null): (surface: string) => string | null {
  const cache = new Map<string, string | null>();
  return (surface) => {
    const cached = cache.get(surface);
    if (cached !== undefined) return cached;
    const value = compute(surface);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(surface, value);
    return value;
  };
}

/** Folded and trimmed, without stemming: what phrase checks compare. `null` = not a word. */
export const foldWord = memoize((surface) => {
  const folded = trim(fold(surface));
  return folded === '' ? null : folded;
});

/** The stem of an already folded word, in a language (English by default). */
export function stemFolded(folded: string, lang: string = DEFAULT_LANGUAGE): string {
  return language(lang).stem(folded);
}

/** Stop-word lists hold accented words (`été`): the word is checked as typed and folded. */
function isStopWord(surface: string, folded: string, lang: string): boolean {
  const words = language(lang);
  return words.isStopWord(folded) || words.isStopWord(trim(surface.toLowerCase()));
}

export function isStopWordFolded(folded: string, lang: string = DEFAULT_LANGUAGE): boolean {
  return language(lang).isStopWord(folded);
}

const termCaches = new Map<string, (surface: string) => string | null>();

/**
 * The index term for a word as it appears in the text or in a query, in a language: folded,
 * trimmed, stop words removed (`null`), stemmed.
 */
export function normalizeTerm(surface: string, lang: string = DEFAULT_LANGUAGE): string | null {
  let normalize = termCaches.get(lang);
  if (normalize === undefined) {
    normalize = memoize((word) => {
      const folded = foldWord(word);
      if (folded === null || isStopWord(word, folded, lang)) return null;
      if (lang === DEFAULT_LANGUAGE) return stemFolded(folded, lang);
      // Snowball stemmers of languages written with accents need them to find the ending
      // (députée → déput): stem first, then fold. Queries also try the folded word (queryTerms).
      return foldWord(language(lang).stem(trim(word).toLowerCase())) ?? stemFolded(folded, lang);
    });
    termCaches.set(lang, normalize);
  }
  return normalize(surface);
}

/**
 * The index terms a query word may match in one language: the term a text word typed the same
 * way gets, and (for languages stemmed before folding) the stem of the word without accents, for
 * queries typed without them. Empty for a stop word.
 */
export function queryTerms(surface: string, lang: string = DEFAULT_LANGUAGE): string[] {
  const term = normalizeTerm(surface, lang);
  if (term === null) return [];
  if (lang === DEFAULT_LANGUAGE) return [term];
  const folded = foldWord(surface);
  const unaccented = folded === null ? term : stemFolded(folded, lang);
  return unaccented === term ? [term] : [term, unaccented];
}

/**
 * Lunr pipeline versions of the same steps. Registered so a serialized index, whose search
 * pipeline lists these labels, can be loaded (lunr.md §A5); used as the index's search pipeline.
 */
const lunrFold: lunr.PipelineFunction = (token) => {
  const folded = token.update((text) => fold(text));
  return folded.toString() === '' ? null : folded;
};
const lunrTrim: lunr.PipelineFunction = (token) => {
  const trimmed = token.update((text) => trim(text));
  // An empty token would be indexed as the term "" (lunr #275): drop it.
  return trimmed.toString() === '' ? null : trimmed;
};

const FOLD_LABEL = 'quire-fold';
const TRIM_LABEL = 'quire-trimmer';

// Lunr's registry is public at runtime but missing from @types/lunr.
const registry = (
  lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction | undefined> }
).registeredFunctions;

/**
 * Registers once per process. When this module is loaded again (tests re-import it), the
 * functions already registered are reused: they do the same, and re-registering would log
 * "Overwriting existing registered function".
 */
function registered(fn: lunr.PipelineFunction, label: string): lunr.PipelineFunction {
  const existing = registry[label];
  if (existing !== undefined) return existing;
  lunr.Pipeline.registerFunction(fn, label);
  return fn;
}
const foldStep = registered(lunrFold, FOLD_LABEL);
const trimStep = registered(lunrTrim, TRIM_LABEL);

/** The pipeline stored with the index: fold, trim, English stop words, English stemmer. */
export function createSearchPipeline(): lunr.Pipeline {
  const pipeline = new lunr.Pipeline();
  pipeline.add(foldStep, trimStep, lunr.stopWordFilter, lunr.stemmer);
  return pipeline;
}

/**
 * A field reduced to what Lunr needs to index it: its length in terms and each term's count,
 * encoded as `term term:3 …` (terms never contain spaces or colons). Kept instead of the text so
 * the index can be rebuilt without the article bodies.
 */
export interface AnalyzedField {
  length: number;
  terms: string;
}

export function analyzeField(text: string, lang: string = DEFAULT_LANGUAGE): AnalyzedField {
  const counts = new Map<string, number>();
  let length = 0;
  for (const token of tokenize(text)) {
    const term = normalizeTerm(token.text, lang);
    if (term === null) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    length += 1;
  }
  const parts: string[] = [];
  for (const [term, count] of counts) parts.push(count === 1 ? term : `${term}:${count}`);
  return { length, terms: parts.join(' ') };
}

/** The terms of an analyzed field, each repeated as often as it occurred. */
export function expandField(field: AnalyzedField): string[] {
  const out: string[] = [];
  if (field.terms === '') return out;
  for (const part of field.terms.split(' ')) {
    const colon = part.lastIndexOf(':');
    if (colon === -1) {
      out.push(part);
      continue;
    }
    const term = part.slice(0, colon);
    const count = Number(part.slice(colon + 1));
    for (let i = 0; i < count; i += 1) out.push(term);
  }
  return out;
}
