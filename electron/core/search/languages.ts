/**
 * Stemming and stop words by language, from lunr-languages (Snowball stemmers and their stop-word
 * lists). Each article is analyzed in its own language; a query word is stemmed in every language
 * the library holds, and any of those stems may match (lunr-query.ts), so a mixed library finds
 * `relations` in English articles and `relations` in French ones.
 *
 * A language's stemmer (a Snowball program of 20–60 KB) is loaded the first time an article or
 * query needs it: loading all fifteen at start was 60–70 ms of the search worker's cold start, and
 * most libraries hold two or three languages.
 */
import { createRequire } from 'node:module';
import lunr from 'lunr';

/** A language's word functions, on already folded, trimmed words. */
export interface Language {
  code: string;
  stem(word: string): string;
  isStopWord(word: string): boolean;
}

type WordFunction = (word: string) => string | undefined;
interface LanguagePlugin {
  stemmer: WordFunction;
  stopWordFilter: WordFunction;
}

/** The languages lunr-languages stems, by the code its module is named with. */
const PLUGIN_CODES = ['ar', 'da', 'de', 'es', 'fi', 'fr', 'hu', 'it', 'nl', 'no', 'pt', 'ro', 'ru', 'sv', 'tr'] as const;
type PluginCode = (typeof PLUGIN_CODES)[number];
type PluginInstaller = (lunrInstance: typeof lunr) => void;

// lunr-languages are CommonJS modules; `require` loads one only when asked, without async.
const requirePlugin = createRequire(import.meta.url);
const installer = (specifier: string): PluginInstaller => requirePlugin(specifier) as PluginInstaller;

/** BCP 47 primary tags lunr-languages spells differently. */
const ALIASES: Readonly<Record<string, string>> = { nb: 'no', nn: 'no' };

export const DEFAULT_LANGUAGE = 'en';

function fromLunr(code: string, plugin: LanguagePlugin): Language {
  return {
    code,
    // lunr-languages' functions accept a plain string (their Lunr 1 path) and return one.
    stem: (word) => plugin.stemmer(word) ?? word,
    isStopWord: (word) => plugin.stopWordFilter(word) === undefined,
  };
}

const ENGLISH: Language = {
  code: DEFAULT_LANGUAGE,
  stem: (word) => lunr.stemmer(new lunr.Token(word, {})).toString(),
  isStopWord: (word) => !lunr.stopWordFilter(new lunr.Token(word, {})),
};

const loaded = new Map<string, Language>([[DEFAULT_LANGUAGE, ENGLISH]]);
const SUPPORTED = new Set<string>([DEFAULT_LANGUAGE, ...PLUGIN_CODES]);

function loadPlugin(code: PluginCode): Language {
  const registry = lunr as unknown as Record<string, LanguagePlugin | undefined> & { stemmerSupport?: unknown };
  // Loading twice (tests re-import modules) would re-register every function with a warning.
  if (registry.stemmerSupport === undefined) installer('lunr-languages/lunr.stemmer.support')(lunr);
  if (registry[code] === undefined) installer(`lunr-languages/lunr.${code}`)(lunr);
  const plugin = registry[code];
  // Never expected (the module is a dependency): stem as English rather than fail a search.
  return plugin === undefined ? ENGLISH : fromLunr(code, plugin);
}

const isPluginCode = (code: string): code is PluginCode => (PLUGIN_CODES as readonly string[]).includes(code);

/** The supported language for a BCP 47 tag (`fr-CA` → fr); English when unknown or missing. */
export function languageCode(tag: string | null | undefined): string {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = ALIASES[primary] ?? primary;
  return SUPPORTED.has(code) ? code : DEFAULT_LANGUAGE;
}

export function language(code: string): Language {
  let found = loaded.get(code);
  if (found === undefined) {
    found = isPluginCode(code) ? loadPlugin(code) : ENGLISH;
    loaded.set(code, found);
  }
  return found;
}
