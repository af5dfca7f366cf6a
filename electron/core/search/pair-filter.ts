/**
 * A next-word filter per document: a small Bloom filter of the pairs of neighbouring words of its
 * texts (title, byline, site, each tag, notes, body; no pair runs from one into the next), so a
 * quoted phrase can pass over most candidates without reading their text.txt or looking at them
 * at all. The index keeps no positions (each would cost more than the postings themselves);
 * without them, a rare phrase of common words had its candidates' texts read best first until
 * enough held it — hundreds of files for one query. The filter never says no to a text that holds the phrase; it says yes to
 * a few texts in a hundred that do not (those are read and rejected as before).
 *
 * Words are the phrase checks' own (snippet.ts): the tokens of `tokenize`, each folded with
 * `foldWord`, tokens that fold to nothing skipped. The filter of a document is a run of 32-bit words
 * (BITS_PER_WORD bits per word of its texts); an empty run means "unknown" and lets every phrase by.
 *
 * Blocked: a pair's PROBES bits are all in one 32-bit word of the filter, chosen by its hash. A
 * phrase of two common words has tens of thousands of candidates in a 100,000-article library,
 * and checking them is reading one place of each one's filter: with the probes spread over the
 * filter that was up to three cache misses per candidate and most of such a query's time. At
 * this density (about 16 of a word's 32 bits set) blocking costs little in false positives.
 */
import { foldWord, MAX_TERM_LENGTH, pushWord, scanWords, type WordToken } from './text-pipeline';

/** Bits of filter per word of the texts: a few % false positives per neighbouring pair (words repeat, so there are fewer distinct pairs than words). */
const BITS_PER_WORD = 6;
const PROBES = 3;
/** The filter of a body with fewer than two words: "unknown", nothing to probe. */
const EMPTY = new Uint32Array(0);

/** FNV-1a over UTF-16 code units: the same 32 bits for a folded word in the text and in a query. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * wordHash of the folded form of text[start, end), a word of ASCII letters and digits: folding
 * such a word is lowercasing it and keeping its first MAX_TERM_LENGTH letters (foldWord), done
 * here in place — most words of a text, hashed without a string or a lookup each.
 */
function asciiWordHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  const last = Math.min(end, start + MAX_TERM_LENGTH);
  for (let i = start; i < last; i += 1) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finalizer: spreads the bits of a combined hash over all 32. */
function mix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const pairHash = (first: number, second: number): number => mix(Math.imul(first, 0x9e3779b1) ^ second);

/** The 32-bit word of a filter of `words` words that holds a pair's bits. */
const blockOf = (pair: number, words: number): number => pair % words;

/** The PROBES bits a pair sets in its word, as a mask: five bits of a second hash each. */
function maskOf(pair: number): number {
  const bits = mix(pair ^ 0x5bd1e995);
  let mask = 0;
  for (let k = 0; k < PROBES; k += 1) mask |= 1 << ((bits >>> (5 * k)) & 31);
  return mask;
}

/** Ends one text's words in the hashes of several: no pair spans it. */
const TEXT_END = -1;
const NOT_A_WORD = -2;

/** The folded words of texts as the phrase checks see them, hashed (other than ASCII words, each distinct one folded once), TEXT_END after each text. */
function wordHashes(texts: readonly string[]): number[] {
  const bySurface = new Map<string, number>();
  const hashes: number[] = [];
  const add = (surface: string): void => {
    let hash = bySurface.get(surface);
    if (hash === undefined) {
      const folded = foldWord(surface);
        // null: not a word (skipped, as FoldedWords.nextWord skips it)
      bySurface.set(surface, (hash = folded === null ? NOT_A_WORD : wordHash(folded)));
    }
    if (hash !== NOT_A_WORD) hashes.push(hash);
  };
  const parts: WordToken[] = [];
  for (const text of texts) {
    scanWords(text, (start, end, simple) => {
      if (simple) {
        hashes.push(asciiWordHash(text, start, end));
        return;
      }
      parts.length = 0;
      pushWord(parts, text.slice(start, end), start);
      for (const part of parts) add(part.text);
    });
    hashes.push(TEXT_END);
  }
  return hashes;
}

/** The filter of a document's texts: every pair of neighbouring words set. */
export function buildPairFilter(texts: readonly string[]): Uint32Array {
  const hashes = wordHashes(texts);
  if (hashes.length - texts.length < 2) return EMPTY;
  const words = Math.ceil(((hashes.length - texts.length) * BITS_PER_WORD) / 32);
  const filter = new Uint32Array(words);
  for (let i = 1; i < hashes.length; i += 1) {
    if (hashes[i - 1] === TEXT_END || hashes[i] === TEXT_END) continue;
    const pair = pairHash(hashes[i - 1]!, hashes[i]!);
    filter[blockOf(pair, words)]! |= maskOf(pair);
  }
  return filter;
}

/** A phrase's neighbouring pairs, hashed once per query. */
export function phrasePairs(words: readonly string[]): number[] {
  const pairs: number[] = [];
  for (let i = 1; i < words.length; i += 1) pairs.push(pairHash(wordHash(words[i - 1]!), wordHash(words[i]!)));
  return pairs;
}

/**
 * False only when the texts the filter was built from cannot hold the phrase: the filter is
 * bits[start, end) (one document's run in a segment's array, without making a view of it).
 */
export function mayHoldPairs(bits: Uint32Array, pairs: readonly number[], start = 0, end = bits.length): boolean {
  if (end === start) return true;
  const words = end - start;
  for (const pair of pairs) {
    const mask = maskOf(pair);
    if ((bits[start + blockOf(pair, words)]! & mask) !== mask) return false;
  }
  return true;
}
