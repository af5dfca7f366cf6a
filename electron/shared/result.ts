/**
 * The envelope every host returns across the contract boundary. An error thrown through
 * Electron's `invoke` keeps only its message, so errors travel as data instead.
 */
import type { CoreSentence } from './i18n/core-sentences';

export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'unsupported-format'
  | 'import-failed'
  | 'quote-not-found'
  | 'forbidden'
  | 'io'
  | 'bad-query'
  | 'internal';

export interface QuireErrorInfo {
  code: ErrorCode;
  /** the sentence in English (what the CLI prints, and what a page shows that does not know `sentence`) */
  message: string;
  /**
   * the same sentence as a catalog id and its values, said in the interface language. Required:
   * nothing the core says reaches a person without one (an internal failure's English may say
   * more than its sentence; the rest is in the log).
   */
  sentence: CoreSentence;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: QuireErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, sentence: CoreSentence): Result<never> => ({ ok: false, error: { code, message, sentence } });

/** An error the core raises on purpose: its message is written for the user. */
export class QuireError extends Error {
  readonly code: ErrorCode;
  /** the message as a catalog sentence (see i18n/core-sentences.ts): every error the core raises has one */
  readonly sentence: CoreSentence;
  constructor(code: ErrorCode, message: string, sentence: CoreSentence) {
    super(message);
    this.name = 'QuireError';
    this.code = code;
    this.sentence = sentence;
  }
}

export const isQuireError = (value: unknown): value is QuireError =>
  value instanceof QuireError ||
  (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'QuireError');
