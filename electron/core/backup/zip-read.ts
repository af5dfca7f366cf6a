/**
 * Reads a Quire archive without trusting it: yauzl reads the central directory from the file;
 * every entry name must be one Quire writes (archive-layout.ts) or it is refused, never used as a
 * path; each entry unpacks within its own limit (yauzl also stops one that passes its declared
 * size), and the whole archive within a total.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { closeSync } from 'node:fs';
import { isQuireError, type QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { errorCode, isNotFound } from '../fs/atomic-write';
import { openUserFile } from '../fs/read-user-file';
import {
  ARCHIVE_MAX_ENTRIES,
  ARCHIVE_MAX_TOTAL_BYTES,
  archiveManifestSchema,
  MANIFEST_ENTRY,
  MANIFEST_MAX_BYTES,
  parseEntryName,
  type ArchiveEntryName,
  type ArchiveManifest,
} from './archive-layout';

export interface ArchiveEntry extends ArchiveEntryName {
  name: string;
}

/** The page says the archive cannot be read; the CLI and the log say why. */
const unreadable = (why: string): QuireError => sentenceError('io', say('core.error.archiveUnreadable'), `This is not a Quire archive Quire can read: ${why}.`);

export class LibraryArchive {
  private unpacked = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly byName: ReadonlyMap<string, Entry>,
    readonly entries: readonly ArchiveEntry[],
    /** names refused (not a path Quire writes, or larger than allowed), for the report */
    readonly refused: readonly string[],
  ) {}

  static async open(file: string): Promise<LibraryArchive> {
    // Only a regular file, opened once without blocking (a named pipe or a device is refused).
    let fd: number;
    try {
      fd = await openUserFile(file, { maxBytes: ARCHIVE_MAX_TOTAL_BYTES, tooLarge: () => unreadable('it is larger than a library archive can be') });
    } catch (error) {
      if (isQuireError(error)) throw error;
      if (isNotFound(error)) throw sentenceError('io', say('core.error.noFileAt', { file }));
      throw sentenceError('io', say('core.error.fileUnreadable', { file }), `${file} cannot be read (${errorCode(error) ?? 'unknown error'}).`);
    }
    let zip: ZipFile;
    try {
      // Closing the zip closes the descriptor.
      zip = await yauzl.fromFdPromise(fd, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
    } catch {
      closeSync(fd);
      throw unreadable('it is not a zip file, or it is damaged');
    }
    if (zip.entryCount > ARCHIVE_MAX_ENTRIES) {
      zip.close();
      throw unreadable('it lists more entries than a library can hold');
    }
    const byName = new Map<string, Entry>();
    const entries: ArchiveEntry[] = [];
    const refused: string[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        const raw = entry.fileName as unknown as Buffer; // a Buffer, since decodeStrings is false
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
        if (name.endsWith('/')) continue;
        if (byName.has(name)) {
          refused.push(`${name} (listed twice)`);
          continue;
        }
        if (name === MANIFEST_ENTRY) {
          byName.set(name, entry);
          continue;
        }
        const parsed = parseEntryName(name);
        if (parsed === null) refused.push(`${name} (not a file Quire writes)`);
        else if (entry.uncompressedSize > parsed.maxBytes || entry.isEncrypted()) refused.push(`${name} (too large or encrypted)`);
        else {
          byName.set(name, entry);
          entries.push({ ...parsed, name });
        }
      }
    } catch {
      zip.close();
      throw unreadable('its list of files is damaged');
    }
    return new LibraryArchive(zip, byName, entries, refused);
  }

  async manifest(): Promise<ArchiveManifest> {
    const bytes = await this.read(MANIFEST_ENTRY, MANIFEST_MAX_BYTES);
    if (bytes === null) throw unreadable('it has no manifest.json');
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw unreadable('its manifest.json is not valid JSON');
    }
    const checked = archiveManifestSchema.safeParse(parsed);
    if (!checked.success) throw unreadable('its manifest.json is not a Quire manifest');
    return checked.data;
  }

  /** The bytes of an entry, or null when it is not there; throws when it breaks a limit or is damaged. */
  async read(name: string, maxBytes: number): Promise<Buffer | null> {
    const entry = this.byName.get(name);
    if (!entry) return null;
    if (entry.uncompressedSize > maxBytes) throw unreadable(`${name} is larger than allowed`);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch {
      throw unreadable(`${name} cannot be unpacked`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        this.unpacked += chunk.length;
        if (size > maxBytes || this.unpacked > ARCHIVE_MAX_TOTAL_BYTES) {
          stream.destroy();
          throw unreadable(`${name} unpacks to more than allowed`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (isQuireError(error)) throw error;
      throw unreadable(`${name} is damaged`);
    }
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}
