/**
 * Reading an EPUB's zip archive without trusting it. yauzl reads the central directory from the
 * bytes in memory; every entry is unpacked on demand, as a stream, and stopped the moment it
 * passes what it declared or what the whole book may unpack to, so a zip bomb costs at most the
 * limit. Entry names are only ever used as lookup keys inside the archive: nothing here writes a
 * file, and a name that climbs out (`../../x`) or starts at a root can never be looked up.
 */
import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { QuireError } from '../../../shared/result';
import { say } from '../../../shared/i18n/core-sentences';
import { sentenceError } from '../../../shared/i18n/english-sentence';

export interface ZipLimits {
  /** most entries the archive may list */
  maxEntries: number;
  /** most bytes all the entries read may unpack to, together */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 512 * 1024 * 1024 };

export const damagedEpub = (): QuireError =>
  sentenceError('import-failed', say('core.import.epubDamaged'));

export const epubTooLarge = (): QuireError =>
  sentenceError('import-failed', say('core.import.epubTooLarge'));

/** Bit 11 of an entry's flags: its name is UTF-8 (else, by the zip format, CP437). */
const UTF8_NAME_FLAG = 0x800;
/** Compression methods: stored as is, and deflated (the only two EPUB allows). */
const STORED = 0;
const DEFLATED = 8;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An entry's name. The EPUB container format (OCF) requires UTF-8 names whatever the zip's flag
 * says, and many tools that make EPUBs (and Japanese ones above all) leave bit 11 unset: read as
 * the flag says, `第一章.xhtml` would become CP437 mojibake that no href of the book names. So a
 * name whose bytes are valid UTF-8 is read as UTF-8; only one that is not falls back to CP437
 * (an old archive from DOS). A Unicode path extra field, when there is one, wins either way.
 */
function entryName(entry: Entry, raw: Buffer): string {
  let utf8 = true;
  try {
    strictUtf8.decode(raw);
  } catch {
    utf8 = false;
  }
  const flags = utf8 ? entry.generalPurposeBitFlag | UTF8_NAME_FLAG : entry.generalPurposeBitFlag;
  return yauzl.getFileNameLowLevel(flags, raw, entry.extraFields, false);
}

/**
 * A name as a key: forward slashes, no `./` segments, composed Unicode (an archive made on macOS
 * may hold `が` decomposed while the book's hrefs have it composed); null for one that leaves the archive.
 */
export function archivePath(name: string): string | null {
  const segments: string[] = [];
  for (const segment of name.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || name.includes('\0')) return null;
  return segments.length === 0 ? null : segments.join('/').normalize('NFC');
}

export class ZipArchive {
  private unpackedBytes = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly bytes: Buffer,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly limits: ZipLimits,
  ) {}

  static async open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    let zip: ZipFile;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      // Names are decoded here rather than by yauzl, which would reject the whole book for one bad name.
      zip = await yauzl.fromBufferPromise(buffer, {
        lazyEntries: true,
        decodeStrings: false,
        validateEntrySizes: true,
      });
    } catch {
      throw damagedEpub();
    }
    if (zip.entryCount > limits.maxEntries) throw epubTooLarge();
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        const raw = entry.fileName as unknown as Buffer; // a Buffer, since decodeStrings is false
        const name = entryName(entry, raw);
        const key = archivePath(name);
        if (key === null || name.endsWith('/') || entries.has(key)) continue;
        entries.set(key, entry);
      }
    } catch {
      throw damagedEpub();
    }
    return new ZipArchive(zip, buffer, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The unpacked bytes of an entry, or null when there is no such entry or it cannot be unpacked
   * (encrypted, unknown compression, damaged). Throws `epubTooLarge` when the book as a whole
   * unpacks to more than the limit, or an entry to more than its header says.
   *
   * The archive is in memory, so an entry's compressed bytes are a view of it and are inflated in
   * one call, never past the size the entry declares (`maxOutputLength`): a book of 700 chapters
   * read through a stream per entry spent more in the streams' machinery than in inflating.
   */
  async read(name: string): Promise<Uint8Array | null> {
    const entry = this.entries.get(name);
    if (!entry || entry.isEncrypted()) return null;
    if (this.unpackedBytes + entry.uncompressedSize > this.limits.maxTotalBytes) throw epubTooLarge();
    let compressed: Buffer;
    try {
      const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true });
      compressed = this.bytes.subarray(fileDataStart, fileDataStart + entry.compressedSize);
    } catch {
      return null; // a damaged header: the book may still be readable without this entry
    }
    let unpacked: Buffer;
    if (entry.compressionMethod === STORED) {
      unpacked = Buffer.from(compressed);
    } else if (entry.compressionMethod === DEFLATED) {
      try {
        // One byte more than declared is enough to tell an entry that lies about its size.
        unpacked = inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE') throw epubTooLarge();
        return null; // damaged data
      }
      // An entry that unpacks to more than its header says is built to exhaust memory.
      if (unpacked.length > entry.uncompressedSize) throw epubTooLarge();
      if (unpacked.length < entry.uncompressedSize) return null; // cut short: damaged
    } else {
      return null; // a compression EPUB does not allow
    }
    this.unpackedBytes += unpacked.length;
    if (this.unpackedBytes > this.limits.maxTotalBytes) throw epubTooLarge();
    return unpacked;
  }

  close(): void {
    this.zip.close();
  }
}
