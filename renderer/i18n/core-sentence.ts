/**
 * What the core said, in the interface language. The core sends each sentence twice: in English
 * (its message, or an import's reason) and as a catalog id with its values. A sentence this page
 * knows is said from the catalogs; one it does not (from a newer core, or one the core has no id
 * for yet) is shown in the English the core sent.
 */
import { isKnownSentence } from '../../electron/shared/i18n/core-sentences';
import type { Text } from './use-text';

/** Anything that carries a core sentence: an error (its message), an import failure (its reason). */
type Said = { message: string; sentence?: unknown } | { reason: string; sentence?: unknown };

export function coreSentenceText(text: Text, said: Said): string {
  if (isKnownSentence(said.sentence)) return text(said.sentence.id, said.sentence.values);
  return 'message' in said ? said.message : said.reason;
}

/** The values of the library check's lines that are paths or file names. */
const PATH_VALUES: ReadonlySet<string> = new Set(['where', 'moved', 'whole', 'file', 'kept']);

/**
 * A sentence of the library check with each path isolated (FSI…PDI): in a right-to-left sentence
 * a path keeps its own order, its hyphens and slashes where they belong, even where it wraps.
 * (Select values, such as a file's state, are never paths and stay as they are.)
 */
export function checkLineText(text: Text, said: Said): string {
  if (!isKnownSentence(said.sentence)) return coreSentenceText(text, said);
  const values: Record<string, string | number> = { ...said.sentence.values };
  for (const [name, value] of Object.entries(values)) {
    if (PATH_VALUES.has(name) && typeof value === 'string' && value !== '') values[name] = `\u2068${value}\u2069`;
  }
  return text(said.sentence.id, values);
}
