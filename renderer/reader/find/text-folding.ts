/**
 * Folding for find in the article: case, accents, compatibility forms (ligatures, full-width
 * letters), curly quotes and runs of whitespace are made equal, as a browser's find does, so
 * "cafe" finds "Café" and "don't" typed with a straight quote finds "don’t". The folded text keeps,
 * for each of its code units, the span of the original character it came from, so a match in the
 * folded text maps back to offsets into text.txt.
 */

export interface FoldedText {
  /** the folded text */
  text: string;
  /** for each code unit of `text`: where its original character starts in the original text */
  starts: Int32Array;
  /** for each code unit of `text`: where its original character (with marks folded away) ends */
  ends: Int32Array;
}

/**
 * Combining marks dropped: accents over Latin, Greek and Cyrillic letters, Arabic harakat and
 * Hebrew points. Marks that change a letter (Indic vowel signs, Thai vowels, kana voicing) are
 * kept: there they are not accents, and dropping them would make unrelated words equal.
 */
const DROPPED_MARKS: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0591, 0x05c7],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

const isDroppedMark = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return DROPPED_MARKS.some(([low, high]) => code >= low && code <= high);
};

const dropMarks = (text: string): string => [...text].filter((c) => !isDroppedMark(c)).join('');

/** Letters whose lower case still differs from how they are searched for. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ς: 'σ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
};

const WHITESPACE = /^\s$/u;

/** Folds one character (a code point). Memoised by the caller: normalize() is the slow part. */
function foldCharacter(char: string): string {
  const special = SPECIAL[char];
  if (special !== undefined) return special;
  if (WHITESPACE.test(char)) return ' ';
  // Lower-casing can bring an accent back ("İ" → "i̇"): drop marks on both sides of it.
  const folded = dropMarks(dropMarks(char.normalize('NFKD')).toLowerCase());
  // A compatibility form may unfold into a letter with its own special case (styled final sigma → "ς").
  return [...folded].map((c) => SPECIAL[c] ?? c).join('');
}

/**
 * The folded text being built: its code units and, for each, its source character's span.
 * Typed arrays decoded once, because a 1 MB article folds into about a million code units and
 * a million one-character strings joined is several times slower.
 */
class FoldBuffer {
  private units: Uint16Array;
  private startsOf: Int32Array;
  private endsOf: Int32Array;
  length = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.units = new Uint16Array(size);
    this.startsOf = new Int32Array(size);
    this.endsOf = new Int32Array(size);
  }

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.startsOf[this.length] = start;
    this.endsOf[this.length] = end;
    this.length++;
  }

  /** The previous character also covers what follows it, up to `end`. */
  extendLast(end: number): void {
    if (this.length > 0) this.endsOf[this.length - 1] = end;
  }

  done(): FoldedText {
    const n = this.length;
    // utf-16le keeps one code unit per code unit (a lone surrogate becomes U+FFFD), so offsets hold.
    const text = new TextDecoder('utf-16le').decode(this.units.subarray(0, n));
    return { text, starts: this.startsOf.slice(0, n), ends: this.endsOf.slice(0, n) };
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units);
    starts.set(this.startsOf);
    ends.set(this.endsOf);
    this.units = units;
    this.startsOf = starts;
    this.endsOf = ends;
  }
}

const SPACE = 32;
const isAsciiSpace = (code: number) => code === SPACE || (code >= 9 && code <= 13);

/** Folds the article text once; every query is then a plain `indexOf` over the result. */
export function foldText(text: string): FoldedText {
  const out = new FoldBuffer(text.length);
  const cache = new Map<string, string>();
  let lastWasSpace = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (code < 0x80) {
      // ASCII fast path: most of most articles.
      const space = isAsciiSpace(code);
      if (space && lastWasSpace) out.extendLast(i + 1);
      else out.push(space ? SPACE : code >= 65 && code <= 90 ? code + 32 : code, i, i + 1);
      lastWasSpace = space;
      i += 1;
      continue;
    }
    const char = text.slice(i, i + size);
    let folded = cache.get(char);
    if (folded === undefined) {
      folded = foldCharacter(char);
      cache.set(char, folded);
    }
    // A character that folds to nothing (a lone accent) or a space after a space joins the
    // previous character, so a match ending there covers it.
    if (folded === '' || (folded === ' ' && lastWasSpace)) {
      out.extendLast(i + size);
    } else {
      for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), i, i + size);
      lastWasSpace = folded === ' ';
    }
    i += size;
  }
  return out.done();
}

/** Folds what the user typed the same way as the article, so the two compare as plain strings. */
export function foldQuery(query: string): string {
  return foldText(query).text;
}

let lastText: string | null = null;
let lastFolded: FoldedText | null = null;

/**
 * The folded form of the article open now, computed once: the find bar closes and opens many
 * times on the same text, and folding a long manual takes a noticeable moment.
 */
export function foldedArticleText(text: string): FoldedText {
  if (lastText !== text || !lastFolded) {
    lastFolded = foldText(text);
    lastText = text;
  }
  return lastFolded;
}
