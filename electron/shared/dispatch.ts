/**
 * The one wrapper every host puts around the core: validate, call, and turn whatever happens into
 * a `Result`. Unexpected errors are reported as `internal` with a generic sentence so that stack
 * traces and paths never reach the UI.
 */
import type { ReaderApi, ReaderMethod, ReaderService, ValueOf } from './contract';
import { READER_METHODS } from './contract';
import { say } from './i18n/core-sentences';
import { englishSentence } from './i18n/english-sentence';
import { fail, isQuireError, ok, type Result } from './result';
import { validateArgs } from './validators';

export async function dispatch<M extends ReaderMethod>(
  service: ReaderService,
  method: M,
  rawArgs: unknown,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<Result<ValueOf<M>>> {
  const validated = validateArgs(method, rawArgs);
  if (!validated.ok) return fail('invalid-argument', validated.message);
  try {
    const call = service[method] as (...args: unknown[]) => Promise<ValueOf<M>>;
    return ok(await call.apply(service, validated.args));
  } catch (error) {
    if (isQuireError(error)) return fail(error.code, error.message, error.sentence);
    onUnexpected(error);
    const unexpected = say('core.error.unexpected', { method });
    return fail('internal', englishSentence(unexpected), unexpected);
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
