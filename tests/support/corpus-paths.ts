/**
 * Where the real documents the tests use live in this repository (tests/fixtures/corpus/: see its
 * README for what each is and its licence). One place, so every test reads the same files.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CORPUS_DIR = path.join(projectRoot, 'tests', 'fixtures', 'corpus');
/** The news article Quire started from: two Iraq/Iran items in one plain-text file. */
export const SEED_FILE = path.join(CORPUS_DIR, 'seed', '000_db403d933cbeb736.txt');
/** Real web pages, each `<name>/source.html` with its `expected-metadata.json`. */
export const WEB_PAGES_DIR = path.join(CORPUS_DIR, 'web-pages');
/** Real EPUB 3 books. */
export const EPUB_DIR = path.join(CORPUS_DIR, 'epub');
export const webPageFile = (name: string): string => path.join(WEB_PAGES_DIR, name, 'source.html');
