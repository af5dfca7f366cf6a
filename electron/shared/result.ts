/**
 * The envelope every host returns across the contract boundary. An error thrown through
 * Electron's `invoke` keeps only its message, so errors travel as data instead.
 */
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
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: QuireErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** An error the core raises on purpose: its message is written for the user. */
export class QuireError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'QuireError';
    this.code = code;
  }
}

export const isQuireError = (value: unknown): value is QuireError =>
  value instanceof QuireError ||
  (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'QuireError');
