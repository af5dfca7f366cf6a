/**
 * The English of a core sentence, made from en.json (the one source of its words): what the CLI
 * and the log print, and what the page falls back to when it does not know the sentence.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import en from './messages/en.json';
import { fail, QuireError, type ErrorCode, type Result } from '../result';
import { say, type CoreSentence, type FailureReason } from './core-sentences';

/**
 * intl-messageformat finds each format's locale with `Intl.NumberFormat.supportedLocalesOf`, and
 * V8's first call of that loads ICU's locale data: 20 ms of the thread on this machine when it is
 * idle, 42–83 ms on a busy one, taken in one go by the first sentence a process says. These
 * sentences are English, which ICU always has, so their locale is made directly: the same
 * `Intl.Locale` the lookup gives. Any other locale is still looked up. (A sentence with a number
 * or a plural still pays that load the first time, in its `Intl.NumberFormat`.)
 */
const ENGLISH = 'en';
const english = new Intl.Locale(ENGLISH);
const lookUpLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = (locales) => (locales === ENGLISH ? english : lookUpLocale(locales));

// Each message is parsed once, the first time it is said.
const formats = new Map<string, IntlMessageFormat>();

export function englishSentence(sentence: CoreSentence): string {
  let format = formats.get(sentence.id);
  if (format === undefined) {
    format = new IntlMessageFormat(en[sentence.id], ENGLISH);
    formats.set(sentence.id, format);
  }
  return String(format.format(sentence.values));
}

/**
 * A `QuireError` that says this sentence: English in its message, the sentence beside it. An
 * internal failure may give its own English (`detail`: what the CLI and the log print) beside a
 * sentence that says less; the page says the sentence.
 */
export const sentenceError = (code: ErrorCode, sentence: CoreSentence, detail?: string): QuireError =>
  new QuireError(code, detail ?? englishSentence(sentence), sentence);

/** A failed `Result` that says this sentence (what hosts answer without a core call behind it). */
export const failWith = (code: ErrorCode, sentence: CoreSentence, detail?: string): Result<never> =>
  fail(code, detail ?? englishSentence(sentence), sentence);

export const failureOf = (sentence: CoreSentence): Required<FailureReason> => ({ reason: englishSentence(sentence), sentence });

/**
 * The error of a failed import: its reason in English and its sentence (a reason that came
 * without one, from an older import worker, is said as an unexpected failure; its English is kept).
 */
export const failureError = (code: ErrorCode, { reason, sentence }: FailureReason): QuireError =>
  new QuireError(code, reason, sentence ?? say('core.import.unexpected'));

/** The reason an error gives: its English message and its sentence. */
export const reasonOfError = (error: QuireError): Required<FailureReason> => ({ reason: error.message, sentence: error.sentence });
