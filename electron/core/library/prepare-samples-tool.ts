/**
 * A build step, not part of the app (scripts/build-node.mjs runs it after bundling): reads every
 * document of the sample library with the importers and writes what they made as the prepared
 * sample library (prepared-samples.ts). A sample that cannot be read fails the build.
 *
 *   node out/tools/prepare-samples.js <sample folder> <output file>
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractForLibrary } from './import-into-library';
import { preparedSamplesJson, sha256Of, type PreparedSample } from './prepared-samples';
import { sampleDocuments } from './sample-library';

const [sampleDir, outputFile] = process.argv.slice(2);
if (sampleDir === undefined || outputFile === undefined) throw new Error('usage: prepare-samples <sample folder> <output file>');

const samples: PreparedSample[] = [];
for (const fileName of sampleDocuments(await readdir(sampleDir)).sort()) {
  const filePath = path.join(sampleDir, fileName);
  const bytes = await readFile(filePath);
  samples.push({ fileName, sha256: sha256Of(bytes), article: await extractForLibrary({ fileName, filePath, bytes }) });
}
// Written whole or not at all: a build stopped halfway leaves the previous file, whose entries
// still name the bytes they were read from.
const partial = `${outputFile}.partial`;
await writeFile(partial, preparedSamplesJson(samples));
await rename(partial, outputFile);
