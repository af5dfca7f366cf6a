/**
 * JSON written in ASCII only, for text that is read back in bulk: Quire's cache files (read as
 * Latin-1 at every start, fs/checked-cache-file.ts) and browser mode's answers (serve/server.ts).
 * A reader that finds only ASCII keeps the text as a one-byte string and skips UTF-8 decoding,
 * which took several times as long as the rest of the read when a few characters of 8 MB were not
 * ASCII (Node); Chromium decoded and parsed the list of 10,000 articles (6.7 MB) in half the time.
 * The value is the same to `JSON.parse`.
 */

/**
 * JSON with every character outside ASCII written as its `\uXXXX` escape (a character beyond the
 * Basic Multilingual Plane as its two surrogates, as JSON spells it). Outside ASCII,
 * JSON.stringify's output holds such characters only inside strings, where the escape means the
 * character.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  // A loop over the characters, not a replace with a callback: in a profile of `quire serve`
  // answering the list of 10,000 articles (6.7 MB, 28,698 characters to escape), the callbacks
  // were most of the answer's time; the loop takes about a third of it.
  let ascii = '';
  let copiedUpTo = 0;
  for (let i = 0; i < json.length; i += 1) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    ascii += `${json.slice(copiedUpTo, i)}\\u${code.toString(16).padStart(4, '0')}`;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? json : ascii + json.slice(copiedUpTo);
}
