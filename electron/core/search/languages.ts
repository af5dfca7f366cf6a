/**
 * Stemming and stop words by language, from lunr-languages (Snowball stemmers and their stop-word
 * lists). Each article is analyzed in its own language; a query word is stemmed in every language
 * the library holds, and any of those stems may match (lunr-query.ts), so a mixed library finds
 * `relations` in English articles and `relations` in French ones.
 *
 * Importing this module registers the languages' pipeline functions with Lunr, as a serialized
 * index that names them needs (lunr.md §A5); our segments only store Quire's own pipeline.
 */
import lunr from 'lunr';
import ar from 'lunr-languages/lunr.ar';
import da from 'lunr-languages/lunr.da';
import de from 'lunr-languages/lunr.de';
import es from 'lunr-languages/lunr.es';
import fi from 'lunr-languages/lunr.fi';
import fr from 'lunr-languages/lunr.fr';
import hu from 'lunr-languages/lunr.hu';
import it from 'lunr-languages/lunr.it';
import nl from 'lunr-languages/lunr.nl';
import no from 'lunr-languages/lunr.no';
import pt from 'lunr-languages/lunr.pt';
import ro from 'lunr-languages/lunr.ro';
import ru from 'lunr-languages/lunr.ru';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support';
import sv from 'lunr-languages/lunr.sv';
import tr from 'lunr-languages/lunr.tr';

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

const PLUGINS = { ar, da, de, es, fi, fr, hu, it, nl, no, pt, ro, ru, sv, tr };
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

function loadLanguages(): Map<string, Language> {
  const registry = lunr as unknown as Record<string, LanguagePlugin | undefined> & { stemmerSupport?: unknown };
  // Loading twice (tests re-import modules) would re-register every function with a warning.
  if (registry.stemmerSupport === undefined) stemmerSupport(lunr);
  const languages = new Map<string, Language>();
  languages.set(DEFAULT_LANGUAGE, {
    code: DEFAULT_LANGUAGE,
    stem: (word) => lunr.stemmer(new lunr.Token(word, {})).toString(),
    isStopWord: (word) => !lunr.stopWordFilter(new lunr.Token(word, {})),
  });
  for (const [code, plugin] of Object.entries(PLUGINS)) {
    if (registry[code] === undefined) plugin(lunr);
    const loaded = registry[code];
    if (loaded !== undefined) languages.set(code, fromLunr(code, loaded));
  }
  return languages;
}

const LANGUAGES = loadLanguages();

/** The supported language for a BCP 47 tag (`fr-CA` → fr); English when unknown or missing. */
export function languageCode(tag: string | null | undefined): string {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = ALIASES[primary] ?? primary;
  return LANGUAGES.has(code) ? code : DEFAULT_LANGUAGE;
}

/** The primary subtag of a BCP 47 tag, lowercased (`fr-CA` → `fr`), or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export function language(code: string): Language {
  return LANGUAGES.get(code) ?? LANGUAGES.get(DEFAULT_LANGUAGE)!;
}

export const SUPPORTED_LANGUAGES: readonly string[] = [...LANGUAGES.keys()];
