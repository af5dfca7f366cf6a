/** The shared corpus of real documents (see /work/shared/corpus/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export const CORPUS_DIR = process.env.QUIRE_CORPUS ?? path.resolve(projectRoot, '../shared/corpus');
export const SEED_FILE = path.join(CORPUS_DIR, 'seed', '000_db403d933cbeb736.txt');
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
  const dir = path.join(CORPUS_DIR, 'web-pages');
  return readdirSync(dir)
    .sort()
    .map((name) => ({
      name,
      file: path.join(dir, name, 'source.html'),
      expected: JSON.parse(readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata,
    }));
}
