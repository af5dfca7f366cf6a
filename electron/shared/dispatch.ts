/**
 * The one wrapper every host puts around the core: validate, call, and turn whatever happens into
 * a `Result`. Unexpected errors are reported as `internal` with a generic sentence so that stack
 * traces and paths never reach the UI.
 */
import type { ReaderApi, ReaderMethod, ReaderService, ValueOf } from './contract';
import { READER_METHODS } from './contract';
import { say } from './i18n/core-sentences';
import { failWith } from './i18n/english-sentence';
import { fail, isQuireError, ok, type Result } from './result';
import { validateArgs } from './validators';

export async function dispatch<M extends ReaderMethod>(
  service: ReaderService,
  method: M,
  rawArgs: unknown,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<Result<ValueOf<M>>> {
  const validated = validateArgs(method, rawArgs);
  // The page says the request was refused; the CLI and the log say which argument and why.
  if (!validated.ok) return failWith('invalid-argument', say('core.error.invalidArguments', { method }), validated.message);
  try {
    const call = service[method] as (...args: unknown[]) => Promise<ValueOf<M>>;
    return ok(await call.apply(service, validated.args));
  } catch (error) {
    // An error that crossed a worker or process boundary as plain data may have lost its sentence.
    if (isQuireError(error)) return fail(error.code, error.message, error.sentence ?? say('core.error.unexpected', { method }));
    onUnexpected(error);
    return failWith('internal', say('core.error.unexpected', { method }));
  }
}

/** A `ReaderApi` over an in-process service (tests, CLI). */
export function createDirectApi(
  service: ReaderService,
  onUnexpected?: (error: unknown) => void,
): ReaderApi {
  const api: Partial<Record<ReaderMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of READER_METHODS) {
    api[method] = (...args: unknown[]) => dispatch(service, method, args, onUnexpected);
  }
  return api as ReaderApi;
}
