/**
 * The sample library read ahead of time, at build (`npm run build`, scripts/build-node.mjs): every
 * document of resources/sample-library, in every language, extracted by the same importers an
 * import runs and written as `out/sample-library.json`. A brand-new library is then made from
 * these articles without loading the importers (jsdom, tinyld, markdown-it: about a second and a
 * half of loading and 120 MB that stayed resident for the life of the app or `quire serve`, only to
 * read two short files).
 *
 * Each entry carries the SHA-256 of the file it was read from: a sample file that no longer matches
 * (edited after the build) is imported as any file is, and so is one with no entry, or every one
 * when the prepared file is missing or unreadable. The file is part of the build the code came
 * from (inside app.asar in an installed app), so what it holds is what these importers make.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ExtractedArticle } from './import-into-library';

/** The prepared file's name in the build output (out/). */
export const PREPARED_SAMPLES_FILE = 'sample-library.json';

const FORMAT_VERSION = 1;

export interface PreparedSample {
  /** the sample file's name in resources/sample-library */
  fileName: string;
  /** SHA-256 of the file's bytes, hex */
  sha256: string;
  article: ExtractedArticle;
}

interface PreparedSamplesFile {
  formatVersion: typeof FORMAT_VERSION;
  samples: PreparedSample[];
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * What the build writes: one entry per sample file that extracted to an article without images
 * (image bytes do not travel as JSON; such a file is imported at library creation instead).
 */
export function preparedSamplesJson(samples: readonly PreparedSample[]): string {
  const file: PreparedSamplesFile = { formatVersion: FORMAT_VERSION, samples: samples.filter((sample) => sample.article.document.assets.length === 0) };
  return `${JSON.stringify(file)}\n`;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Only what the library relies on is checked (a damaged or foreign file is no prepared samples at
 * all); the rest is the importers' own output, written by the build beside this code.
 */
function isPreparedSample(value: unknown): value is PreparedSample {
  if (typeof value !== 'object' || value === null) return false;
  const { fileName, sha256, article } = value as Record<string, unknown>;
  if (!isString(fileName) || !isString(sha256) || !/^[0-9a-f]{64}$/.test(sha256)) return false;
  if (typeof article !== 'object' || article === null) return false;
  const { format, contentHash, wordCount, document } = article as Record<string, unknown>;
  if (!isString(format) || !isString(contentHash) || !Number.isSafeInteger(wordCount)) return false;
  if (typeof document !== 'object' || document === null) return false;
  const { title, html, text, assets, tags } = document as Record<string, unknown>;
  return isString(title) && isString(html) && isString(text) && Array.isArray(assets) && assets.length === 0 && Array.isArray(tags);
}

/** The prepared samples by file name; empty (everything is imported) when the file is missing or not one the build wrote. */
export async function readPreparedSamples(file: string, log: (message: string, error?: unknown) => void): Promise<ReadonlyMap<string, PreparedSample>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    // A checkout that was never built has none: the samples are imported as before.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`The prepared sample library ${file} cannot be read; the samples are imported instead`, error);
    return new Map();
  }
  const { formatVersion, samples } = (parsed ?? {}) as Partial<Record<keyof PreparedSamplesFile, unknown>>;
  if (formatVersion !== FORMAT_VERSION || !Array.isArray(samples) || !samples.every(isPreparedSample)) {
    log(`The prepared sample library ${file} is not one this version of Quire wrote; the samples are imported instead`);
    return new Map();
  }
  return new Map(samples.map((sample) => [sample.fileName, sample]));
}

/** The prepared article for these bytes of this file, or null when the file is not the one the build read. */
export function preparedArticleFor(prepared: ReadonlyMap<string, PreparedSample>, fileName: string, bytes: Uint8Array): ExtractedArticle | null {
  const sample = prepared.get(fileName);
  return sample !== undefined && sample.sha256 === sha256Of(bytes) ? sample.article : null;
}
