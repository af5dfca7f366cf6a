/**
 * The English of a core sentence, made from en.json (the one source of its words): what the CLI
 * and the log print, and what the page falls back to when it does not know the sentence.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import en from './messages/en.json';
import { QuireError, type ErrorCode } from '../result';
import { reasonOnly, type CoreSentence, type FailureReason } from './core-sentences';

// Each message is parsed once, the first time it is said.
const formats = new Map<string, IntlMessageFormat>();

export function englishSentence(sentence: CoreSentence): string {
  let format = formats.get(sentence.id);
  if (format === undefined) {
    format = new IntlMessageFormat(en[sentence.id], 'en');
    formats.set(sentence.id, format);
  }
  return String(format.format(sentence.values));
}

/** A `QuireError` that says this sentence: English in its message, the sentence beside it. */
export const sentenceError = (code: ErrorCode, sentence: CoreSentence): QuireError =>
  new QuireError(code, englishSentence(sentence), sentence);

export const failureOf = (sentence: CoreSentence): FailureReason => ({ reason: englishSentence(sentence), sentence });

/** The reason an error gives: its sentence when it has one, else only its English message. */
export const reasonOfError = (error: QuireError): FailureReason => reasonOnly({ reason: error.message, sentence: error.sentence });
