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
