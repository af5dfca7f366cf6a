/**
 * The sample library a brand-new library starts with (resources/sample-library), in the reader's
 * language: `name.<locale>.ext` is the `<locale>` translation of `name.ext`. Of each document,
 * the translation in the interface language in force when the library is created is imported,
 * else the untranslated (English) one.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { INTERFACE_LOCALES, type InterfaceLocale } from '../../shared/i18n/locales';
import { formatOf } from '../importers/import-formats';
import type { Log } from '../log';
import type { ArticleStore } from './article-store';
import { addExtracted, importIntoLibrary } from './import-into-library';
import { preparedArticleFor, type PreparedSample } from './prepared-samples';

/** `welcome.de.md` → the German translation of `welcome.md`; `notes.md` → no language. */
function translationOf(name: string): { original: string; locale: InterfaceLocale } | null {
  const parts = /^(.+)\.([^.]+)\.([^.]+)$/.exec(name);
  if (!parts) return null;
  const locale = INTERFACE_LOCALES.find((tag) => tag === parts[2]);
  return locale === undefined ? null : { original: `${parts[1]}.${parts[3]}`, locale };
}

/** The files to import for this locale, in name order. */
export function sampleFilesFor(names: readonly string[], locale: InterfaceLocale): string[] {
  const chosen = new Map<string, string>();
  for (const name of [...names].sort()) {
    const translation = translationOf(name);
    if (translation === null) {
      if (!chosen.has(name)) chosen.set(name, name);
    } else if (translation.locale === locale) {
      chosen.set(translation.original, name);
    }
  }
  return [...chosen.values()].sort();
}

const isImportable = (name: string): boolean => {
  try {
    formatOf(name);
    return true;
  } catch {
    return false;
  }
};

/** The documents of the sample folder, in every language: its files of a format Quire reads, hidden ones aside. */
export const sampleDocuments = (names: readonly string[]): string[] => names.filter((name) => !name.startsWith('.') && isImportable(name));

export async function importSampleLibrary(
  store: ArticleStore,
  sampleDir: string,
  locale: InterfaceLocale,
  context: { clock: () => string; log: Log },
  /** the samples read at build (prepared-samples.ts): those still matching their file skip the importers */
  prepared: ReadonlyMap<string, PreparedSample> = new Map(),
): Promise<void> {
  let names: string[];
  try {
    names = await readdir(sampleDir);
  } catch (error) {
    context.log(`The sample library ${sampleDir} cannot be read`, error);
    return;
  }
  const importable = sampleFilesFor(sampleDocuments(names), locale);
  // The last one imported is the newest, listed first: the seed article leads.
  for (const name of importable.reverse()) {
    const filePath = path.join(sampleDir, name);
    try {
      const bytes = await readFile(filePath);
      const article = preparedArticleFor(prepared, name, bytes);
      const outcome = article
        ? await addExtracted(store, article, { fileName: name, source: filePath, original: { bytes } }, context)
        : await importIntoLibrary(store, { fileName: name, filePath, bytes, source: filePath }, context);
      if (outcome.status === 'failed') context.log(`Sample article ${name} was not imported: ${outcome.reason}`);
    } catch (error) {
      context.log(`Sample article ${name} was not imported`, error);
    }
  }
}
