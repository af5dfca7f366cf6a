/**
 * A small zip writer for making EPUBs in the tests, including the broken ones no zip library would
 * write on purpose: names that climb out of the archive, and entries whose headers lie about their
 * size (the zip bomb's trick).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
  /** stored as is (the EPUB `mimetype` must be) or deflated (default) */
  store?: boolean;
  /** the uncompressed size the headers claim, when it should not be the true one */
  declaredSize?: number;
  /** whether the headers flag the name as UTF-8 (default); bytes of a string name are UTF-8 either way */
  utf8Flag?: boolean;
  /** the name's raw bytes, when they are not a string's UTF-8 (an old CP437 name) */
  nameBytes?: Uint8Array;
}

export function makeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const packed = entry.store ? data : deflateRawSync(data);
    const name = entry.nameBytes ? Buffer.from(entry.nameBytes) : Buffer.from(entry.name, 'utf8');
    const flags = entry.utf8Flag === false ? 0 : 0x0800;
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6); // bit 11: the name is UTF-8
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export interface EpubParts {
  opf: string;
  /** files under OEBPS/, by name */
  files?: Record<string, Uint8Array | string>;
  /** entries with any name at all */
  extra?: ZipEntry[];
  /** whether the entries' names are flagged as UTF-8 (default), as the zip format asks */
  utf8Flag?: boolean;
}

/** An EPUB whose package is `OEBPS/content.opf`. */
export function makeEpub({ opf, files = {}, extra = [], utf8Flag = true }: EpubParts): Buffer {
  return makeZip(
    [
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: CONTAINER },
      { name: 'OEBPS/content.opf', data: opf },
      ...Object.entries(files).map(([name, data]) => ({ name: `OEBPS/${name}`, data })),
      ...extra,
    ].map((entry) => ({ utf8Flag, ...entry })),
  );
}

export const xhtml = (title: string, body: string, lang = 'en'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="${lang}"><head><title>${title}</title></head><body>${body}</body></html>`;
