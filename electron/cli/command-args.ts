/** Small parsers and printers several commands share. */
import { InvalidArgumentError } from 'commander';
import { idSchema } from '../shared/validators';
import { CliError } from './cli-error';

/** A whole-number option within bounds, refused in one sentence naming the option. */
export const parseCount = (name: string, min: number, max: number) => (value: string): number => {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return number;
};

/** An id that cannot be valid names no article; say so instead of quoting the validator. */
export function checkedId(id: string): string {
  if (!idSchema.safeParse(id).success) throw new CliError(`No article has the id "${id}".`);
  return id;
}

/** `--json` output: indented, for people and scripts alike. */
export const json = (value: unknown): string => JSON.stringify(value, null, 2);
