/** The real documents the tests read (tests/fixtures/corpus/, see its README), with their expected metadata. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, SEED_FILE, WEB_PAGES_DIR } from '../../../support/corpus-paths';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export { CORPUS_DIR, SEED_FILE };
export const SEED_TITLE = "Iraq: Regional security impacts Iraq, relations with Iran 'strong'";
export const SAMPLE_LIBRARY_DIR = path.join(projectRoot, 'resources', 'sample-library');

export interface ExpectedMetadata {
  title: string;
  byline: string | null;
  dir: string | null;
  lang?: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

export interface CorpusPage {
  name: string;
  file: string;
  expected: ExpectedMetadata;
}

export function webPages(): CorpusPage[] {
  const dir = WEB_PAGES_DIR;
  return readdirSync(dir)
    .sort()
    .map((name) => ({
      name,
      file: path.join(dir, name, 'source.html'),
      expected: JSON.parse(readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata,
    }));
}
