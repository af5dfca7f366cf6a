import type { Result } from '../shared/result';

/** A failure the CLI reports as one sentence on stderr, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The value of a successful Result; the Result's own message otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CliError(result.error.message);
}
