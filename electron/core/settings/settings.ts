/**
 * The reader's settings over the `KeyValueStore` port. Stored values are checked with the same
 * schema the contract uses for `setSettings`, so a value a user or an older version wrote badly is
 * replaced by its default instead of reaching the UI.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../shared/models';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { argSchemas, validateArgs } from '../../shared/validators';
import type { KeyValueStore } from './key-value-store';

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Whether `value` is acceptable for `key`, by the contract's own `setSettings` schema. */
const isValidSetting = (key: keyof Settings, value: unknown): boolean =>
  argSchemas.setSettings.safeParse([{ [key]: value }]).success;

export function readSettings(store: KeyValueStore): Settings {
  const settings: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const stored = store.get(key);
    if (stored !== undefined && isValidSetting(key, stored)) {
      settings[key] = stored;
    } else {
      if (stored !== undefined) store.set(key, DEFAULT_SETTINGS[key]); // reset what is broken
      settings[key] = DEFAULT_SETTINGS[key];
    }
  }
  return settings as unknown as Settings;
}

/** Applies `patch` (all of it or, when any value is invalid, none of it) and returns the settings. */
export function writeSettings(store: KeyValueStore, patch: Partial<Settings>): Settings {
  const checked = validateArgs('setSettings', [patch]);
  if (!checked.ok) throw sentenceError('invalid-argument', say('core.error.invalidArguments', { method: 'setSettings' }), checked.message);
  for (const key of SETTING_KEYS) {
    if (key in patch) store.set(key, patch[key]);
  }
  return readSettings(store);
}
