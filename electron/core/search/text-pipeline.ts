/**
 * The one text normalization Quire uses for indexing, querying, phrase checks and snippets.
 * Every path goes through the functions below so that a word in the text and the same word in a
 * query always become the same index term (docs/research/lunr.md §A8, §D6).
 */
import lunr from 'lunr';
import { DEFAULT_LANGUAGE, language } from './languages';

// Its version is with the index's other versions (index-format.ts): bumped whenever tokenization or
// normalization changes.
export { PIPELINE_VERSION } from './index-format';

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

/** Pushes the tokens of one run of word characters: itself, or its parts and CJK bigrams. */
export function pushWord(tokens: WordToken[], word: string, start: number): void {
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

/**
 * ASCII characters by class: 0 separates words (whitespace, punctuation, symbols: every printable
 * ASCII non-alphanumeric is \p{P} or \p{S}), 1 letter or digit, 2 any other word character
 * (control characters, which the full path trims).
 */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  ASCII_CLASS[code] = /[\s\p{P}\p{S}]/u.test(char) ? 0 : /[A-Za-z0-9]/.test(char) ? 1 : 2;
}
const WORD_AT = new RegExp(WORD.source, 'gu');
const asciiClassBody = (kinds: readonly number[]): string =>
  [...ASCII_CLASS]
    .map((kind, code) => (kinds.includes(kind) ? `\\x${code.toString(16).padStart(2, '0')}` : ''))
    .join('');
/** ASCII word characters as a regex class body (for searches over ASCII-only text)… */
export const ASCII_WORD_CHARS = asciiClassBody([1, 2]);
/** …and those of them that folding trims away (control characters). */
export const ASCII_CONTROL_CHARS = asciiClassBody([2]);

const SEPARATOR = /[\s\p{P}\p{S}]/u;
/** Other BMP code units, classified on first sight: 0 not yet, 1 separator, 2 word character. */
const BMP_CLASS = new Uint8Array(0x10000);

function isSeparatorUnit(code: number): boolean {
  let kind = BMP_CLASS[code]!;
  if (kind === 0) BMP_CLASS[code] = kind = SEPARATOR.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

const CJK_UNIT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
/** BMP code units, classified on first sight: 0 not yet, 1 CJK (split into bigrams), 2 not. */
const CJK_CLASS = new Uint8Array(0x10000);

/** A code unit `pushWord` splits off as CJK (its tokens are characters and bigrams of them). */
export function isCjkUnit(code: number): boolean {
  if (code < 0x2e80 || isSurrogate(code)) return false;
  let kind = CJK_CLASS[code]!;
  if (kind === 0) CJK_CLASS[code] = kind = CJK_UNIT.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

/**
 * How the tokenizer sees one UTF-16 code unit: 0 separator, 1 ASCII letter or digit, 2 other word
 * character, 3 half of a surrogate pair (only the regex can tell).
 */
export function unitKind(code: number): 0 | 1 | 2 | 3 {
  if (code < 128) return ASCII_CLASS[code] as 0 | 1 | 2;
  if (isSurrogate(code)) return 3;
  return isSeparatorUnit(code) ? 0 : 2;
}

/**
 * Calls `visit` for each run of word characters, exactly as `text.matchAll(WORD)` would find them,
 * with its offsets. Characters are classified by table (the Unicode regex was a third of indexing
 * time and most of a snippet's); only astral characters (surrogate pairs) go through the regex.
 * `simple` says the word is ASCII letters and digits only: no CJK splitting, folding is lowercasing.
 */
export function scanWords(text: string, visit: (start: number, end: number, simple: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code < 128 ? ASCII_CLASS[code] === 0 : !isSurrogate(code) && isSeparatorUnit(code)) {
      i += 1;
      continue;
    }
    let j = i;
    let simple = true;
    let astral = isSurrogate(code);
    for (; j < n && !astral; j += 1) {
      const next = text.charCodeAt(j);
      if (next < 128) {
        const kind = ASCII_CLASS[next]!;
        if (kind === 0) break;
        if (kind === 2) simple = false;
      } else if (isSurrogate(next)) {
        astral = true;
      } else {
        if (isSeparatorUnit(next)) break;
        simple = false;
      }
    }
    if (!astral) {
      visit(i, j, simple);
      i = j;
      continue;
    }
    // An astral character at or in the word: the full Unicode rule decides where it ends.
    WORD_AT.lastIndex = i;
    const match = WORD_AT.exec(text);
    if (match === null) return;
    visit(match.index, match.index + match[0].length, false);
    i = match.index + match[0].length;
  }
}

export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  scanWords(text, (start, end, simple) => {
    if (simple) tokens.push({ text: text.slice(start, end), start, end });
    else pushWord(tokens, text.slice(start, end), start);
  });
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
const CACHE_LIMIT = 250_000;
const ASCII_ALNUM = /^[A-Za-z0-9]+$/;

/**
 * V8 makes a slice of 13 characters or more a view into the string it was cut from. The words
 * memoized here are cut from hits' texts (several KB each), so a memo holding the slice held the
 * whole text: at 100,000 articles over a hundred MB of texts stayed in the old generation until
 * the memo was cleared. Kept words are copied; a shorter slice is a copy already.
 */
const SLICE_VIEW_MIN = 13;

function ownString(text: string): string {
  if (text.length < SLICE_VIEW_MIN) return text;
  // A concatenation is flattened into a new string when read; the slice of it is a view of that
  // one, a character longer than the word, not of the text the word came from.
  const joined = ` ${text}`;
  joined.charCodeAt(0);
  return joined.slice(1);
}

function memoize(compute: (surface: string) => string | null): (surface: string) => string | null {
  const cache = new Map<string, string | null>();
  return (surface) => {
    const cached = cache.get(surface);
    if (cached !== undefined) return cached;
    const computed = compute(surface);
    const value = computed === null ? null : ownString(computed);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(ownString(surface), value);
    return value;
  };
}

/** Folded and trimmed, without stemming: what phrase checks compare. `null` = not a word. */
export const foldWord = memoize((surface) => {
  // ASCII letters and digits only (most words): folding is lowercasing, trimming only the cap.
  if (ASCII_ALNUM.test(surface)) return surface.length <= MAX_TERM_LENGTH ? surface.toLowerCase() : trim(surface.toLowerCase());
  const folded = trim(fold(surface));
  return folded === '' ? null : folded;
});

/** The stem of an already folded word, in a language (English by default). */
export function stemFolded(folded: string, lang: string = DEFAULT_LANGUAGE): string {
  return language(lang).stem(folded);
}

/**
 * Whether a word as typed is a stop word of a language. Stop-word lists hold accented words
 * (`été`): the word is checked as typed and folded.
 */
export function isStopWord(surface: string, lang: string = DEFAULT_LANGUAGE): boolean {
  const folded = foldWord(surface);
  if (folded === null) return false;
  const words = language(lang);
  return words.isStopWord(folded) || words.isStopWord(trim(surface.toLowerCase()));
}

const termCaches = new Map<string, (surface: string) => string | null>();

/**
 * The index term for a word as it appears in the text or in a query, in a language: folded,
 * trimmed, stemmed. Stop words are terms too: a stop word of one language is a word of another
 * (`the`, `die`, `des`), and a query's common words count for phrases and ranking; the query
 * planner makes them optional (lunr-query.ts).
 */
export function normalizeTerm(surface: string, lang: string = DEFAULT_LANGUAGE): string | null {
  let normalize = termCaches.get(lang);
  if (normalize === undefined) {
    normalize = memoize((word) => {
      const folded = foldWord(word);
      if (folded === null) return null;
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
 * queries typed without them.
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
 * pipeline lists these labels, can be loaded (docs/research/lunr.md §A5); used as the index's search pipeline.
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
 * A field reduced to what the index needs: its length in terms and each distinct term with its
 * count. Kept instead of the text so segments can be built and merged without the article bodies.
 */
export interface AnalyzedField {
  /** term occurrences (the field length BM25 normalizes by) */
  length: number;
  /** distinct terms; `counts[i]` is how often `terms[i]` occurs */
  terms: string[];
  counts: number[];
  /** the body's next-word filter (pair-filter.ts); other fields have none */
  pairFilter?: Uint32Array;
}

export function analyzeField(text: string, lang: string = DEFAULT_LANGUAGE): AnalyzedField {
  // Words are counted as written first, then each distinct one is normalized once: a small
  // per-field map is much cheaper to hit than the large memo of normalizeTerm (most of the time
  // of indexing went to lookups in it).
  const surfaces = new Map<string, number>();
  const count = (surface: string): void => {
    surfaces.set(surface, (surfaces.get(surface) ?? 0) + 1);
  };
  const cjk: WordToken[] = [];
  scanWords(text, (start, end, simple) => {
    const word = text.slice(start, end);
    if (simple || !HAS_CJK.test(word)) {
      count(word);
      return;
    }
    cjk.length = 0;
    pushWord(cjk, word, start);
    for (const token of cjk) count(token.text);
    // Each character of a run is indexed on its own as well as in bigrams, so that a
    // one-character word (书, 本) is found too: bigrams alone only find words of two or more.
    for (const run of word.matchAll(CJK_RUN)) {
      const chars = [...run[0]];
      if (chars.length > 1) for (const char of chars) count(char);
    }
  });
  const counts = new Map<string, number>();
  let length = 0;
  for (const [surface, times] of surfaces) {
    const term = normalizeTerm(surface, lang);
    if (term === null) continue;
    counts.set(term, (counts.get(term) ?? 0) + times);
    length += times;
  }
  return { length, terms: [...counts.keys()], counts: [...counts.values()] };
}

/** The terms of an analyzed field, each repeated as often as it occurred. */
export function expandField(field: AnalyzedField): string[] {
  const out: string[] = [];
  field.terms.forEach((term, i) => {
    for (let k = 0; k < field.counts[i]!; k += 1) out.push(term);
  });
  return out;
}
