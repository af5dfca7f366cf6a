/**
 * The language of a document that does not declare one (plain text, most PDFs and Markdown files,
 * pages without `lang`), detected from its text with tinyld. Search stems every article in its own
 * language and the reader sets `lang` from it (hyphenation, fonts, screen readers), so a French
 * `.txt` must be known as French. A guess on too little text, or one tinyld is unsure of, is no
 * language at all rather than a wrong one.
 */
import { createRequire } from 'node:module';
import type * as TinyldModule from 'tinyld';
import type { ImportedDocument } from './imported-document';

type Tinyld = typeof TinyldModule;

/**
 * tinyld, loaded the first time a document needs it: its tables take a few hundred milliseconds to
 * load, and most books and pages declare their language (an import worker then never loads them).
 */
let tinyld: Tinyld | undefined;
const loadTinyld = (): Tinyld => (tinyld ??= createRequire(import.meta.url)('tinyld') as Tinyld);

/** What is read of a long document: enough for a sure answer, cheap on a whole book. */
const SAMPLE_CHARS = 4_000;
/** Below this many letters a guess is noise ("Hello" comes out as Italian). */
const MIN_LETTERS = 40;
/** tinyld's confidence for the best language; measured: 0.5–1 on real paragraphs, ≤ 0.2 on noise. */
const MIN_ACCURACY = 0.3;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const best = loadTinyld().detectAll(sample)[0];
  return best && best.accuracy >= MIN_ACCURACY ? best.lang : null;
}

/** The document with its detected language when it declares none. */
export const withLanguage = (document: ImportedDocument): ImportedDocument =>
  document.lang ? document : { ...document, lang: detectLanguage(document.text) };
