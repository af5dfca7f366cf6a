// An import worker for the import pool's tests: a file named *stops-the-host* aborts the whole
// process around the worker, as V8 does when it cannot stop a worker at its heap limit
// (process.abort() itself is not available in a worker thread); any other file is "read" into an
// article titled with its <title>, enough for the pool, which only carries results.
import { readFile } from 'node:fs/promises';

export default async function extractOrStop(task) {
  if (task.fileName.includes('stops-the-host')) process.kill(process.pid, 'SIGABRT');
  const html = await readFile(task.filePath, 'utf8');
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  return { ok: true, article: { document: { title } } };
}
