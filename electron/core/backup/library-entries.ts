/**
 * The files of a library that go into an archive, named as in the library. A backup holds what a
 * person wrote or chose (article.json and the annotations); a library export holds every file of
 * every article. Quarantine, trash, backups and caches are never included.
 */
import path from 'node:path';
import type { ArticleMeta } from '../../shared/models';
import { isAtomicWriteLeftover } from '../fs/leftovers';
import { namesIn } from '../fs/names-in';
import { articleFiles, isValidId } from '../library/library-paths';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_ENTRY, type ArchiveManifest } from './archive-layout';
import type { ZipSource } from './zip-write';

export type ArchiveKind = ArchiveManifest['kind'];

export async function libraryEntries(
  articles: readonly ArticleMeta[],
  articleDir: (id: string) => string,
  kind: ArchiveKind,
  createdAt: string,
): Promise<{ entries: ZipSource[]; manifest: ArchiveManifest }> {
  const entries: ZipSource[] = [];
  const listed: ArchiveManifest['articles'] = [];
  for (const meta of articles) {
    const dir = articleDir(meta.id);
    const prefix = `articles/${meta.id}`;
    const files = articleFiles(dir);
    entries.push({ name: `${prefix}/article.json`, file: files.meta });
    const annotationNames = (await namesIn(files.annotationsDir)).filter((n) => n.endsWith('.json') && isValidId(n.slice(0, -5)));
    for (const name of annotationNames) entries.push({ name: `${prefix}/annotations/${name}`, file: path.join(files.annotationsDir, name) });
    if (kind === 'library') {
      for (const name of await namesIn(dir)) {
        if (name === 'content.html' || name === 'text.txt' || (name.startsWith('original.') && !isAtomicWriteLeftover(name))) {
          entries.push({ name: `${prefix}/${name}`, file: path.join(dir, name) });
        }
      }
      for (const name of (await namesIn(files.assetsDir)).filter((n) => !isAtomicWriteLeftover(n))) {
        entries.push({ name: `${prefix}/assets/${name}`, file: path.join(files.assetsDir, name) });
      }
    }
    listed.push({ id: meta.id, title: meta.title, annotations: annotationNames.length });
  }
  const manifest: ArchiveManifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, kind, createdAt, articles: listed };
  entries.unshift({ name: MANIFEST_ENTRY, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });
  return { entries, manifest };
}
