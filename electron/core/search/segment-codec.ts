/**
 * SegmentData to and from bytes (`seg-<id>.bin`). Little-endian, sections 4-byte aligned so the
 * typed arrays of a loaded segment are views over the file's buffer, not copies (what makes a cold
 * start cheap):
 *
 *   "QSG4" | u32 header length | header JSON { keys, terms, runs, postings, pairWords } | pad
 *   | u32 term bytes | the terms, concatenated (UTF-8) | pad
 *   | termStarts u32[terms+1] (UTF-16 offsets) | termRuns u32[terms+1] | runStart u32[runs+1]
 *   | lengths u32[F·keys] (field by field) | pairStart u32[keys+1] | pairBits u32[pairWords] (next-word filters, pair-filter.ts)
 *   | postingDocs u16 or u32[postings] (u16 when keys ≤ SHORT_DOCS_MAX) | pad | termFields u8[terms] | pad
 *   | postingTfs u8[postings] | pad
 *
 * Decoding checks every size against the buffer and throws on anything inconsistent; the store
 * treats that like a failed checksum.
 */
import { bitCount, FIELD_COUNT, SHORT_DOCS_MAX, TermList, type SegmentData } from './segment-data';

const MAGIC = 'QSG4';

const pad4 = (n: number): number => (n + 3) & ~3;

interface Header {
  keys: string[];
  terms: number;
  runs: number;
  postings: number;
  pairWords: number;
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    Array.isArray(header.keys) &&
    header.keys.every((key) => typeof key === 'string') &&
    Number.isSafeInteger(header.terms) &&
    Number.isSafeInteger(header.runs) &&
    Number.isSafeInteger(header.postings) &&
    Number.isSafeInteger(header.pairWords)
  );
}

export function encodeSegment(data: SegmentData): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      keys: data.keys,
      terms: data.terms.count,
      runs: data.runStart.length - 1,
      postings: data.postingDocs.length,
      pairWords: data.pairBits.length,
    } satisfies Header),
    'utf8',
  );
  const terms = Buffer.from(data.terms.text, 'utf8');
  const sections = [
    data.terms.starts,
    data.termRuns,
    data.runStart,
    data.lengths,
    data.pairStart,
    data.pairBits,
    data.postingDocs,
    data.termFields,
    data.postingTfs,
  ];
  const size =
    8 + pad4(header.length) + 4 + pad4(terms.length) + sections.reduce((sum, array) => sum + pad4(array.byteLength), 0);
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  let at = 8 + pad4(header.length);
  out.writeUInt32LE(terms.length, at);
  terms.copy(out, at + 4);
  at += 4 + pad4(terms.length);
  for (const array of sections) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, at);
    at += pad4(array.byteLength);
  }
  return out;
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  private take(length: number): number {
    const start = this.at;
    if (length < 0 || start + length > this.bytes.byteLength) throw new Error('segment file is truncated');
    this.at = start + pad4(length);
    return start;
  }

  u32(): number {
    const start = this.take(4);
    return new DataView(this.bytes.buffer, this.bytes.byteOffset + start, 4).getUint32(0, true);
  }

  text(length: number): string {
    const start = this.take(length);
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, length).toString('utf8');
  }

  u32s(count: number): Uint32Array {
    const start = this.take(count * 4);
    return new Uint32Array(this.bytes.buffer, this.bytes.byteOffset + start, count);
  }

  u16s(count: number): Uint16Array {
    const start = this.take(count * 2);
    return new Uint16Array(this.bytes.buffer, this.bytes.byteOffset + start, count);
  }

  u8s(count: number): Uint8Array {
    const start = this.take(count);
    return new Uint8Array(this.bytes.buffer, this.bytes.byteOffset + start, count);
  }

  get done(): boolean {
    return this.at >= this.bytes.byteLength;
  }
}

/** The number of fields a term's field mask names, -1 when it names others than the index's. */
const fieldCount = (mask: number): number => (mask >= 1 << FIELD_COUNT ? -1 : bitCount(mask));

export function decodeSegment(buffer: Uint8Array): SegmentData {
  // Typed-array views need aligned offsets; a buffer cut from a shared pool may not be.
  const bytes = buffer.byteOffset % 4 === 0 ? buffer : new Uint8Array(buffer);
  if (Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') !== MAGIC) {
    throw new Error('not a segment file');
  }
  const reader = new Reader(bytes.subarray(4));
  const header: unknown = JSON.parse(reader.text(reader.u32()));
  if (!isHeader(header)) throw new Error('bad segment header');
  const text = reader.text(reader.u32());
  const termStarts = reader.u32s(header.terms + 1);
  if (termStarts[header.terms] !== text.length) throw new Error('segment terms do not add up');
  const terms = new TermList(text, termStarts);
  const termRuns = reader.u32s(header.terms + 1);
  const runStart = reader.u32s(header.runs + 1);
  const lengths = reader.u32s(header.keys.length * FIELD_COUNT);
  const pairStart = reader.u32s(header.keys.length + 1);
  const pairBits = reader.u32s(header.pairWords);
  const postingDocs = header.keys.length <= SHORT_DOCS_MAX ? reader.u16s(header.postings) : reader.u32s(header.postings);
  const termFields = reader.u8s(header.terms);
  const postingTfs = reader.u8s(header.postings);
  if (!reader.done) throw new Error('segment file has trailing bytes');
  if (termRuns[header.terms] !== header.runs) throw new Error('segment runs do not add up');
  if (runStart[header.runs] !== header.postings) throw new Error('segment postings do not add up');
  if (pairStart[header.keys.length] !== header.pairWords) throw new Error('segment next-word filters do not add up');
  for (let t = 0; t < header.terms; t += 1) {
    // A term has one run per field it occurs in: a file that says otherwise would send lookups astray.
    if (termRuns[t + 1]! - termRuns[t]! !== fieldCount(termFields[t]!)) throw new Error('segment runs do not match their fields');
  }
  for (let r = 0; r < header.runs; r += 1) {
    if (runStart[r]! > runStart[r + 1]!) throw new Error('segment postings are out of order');
  }
  for (let doc = 0; doc < header.keys.length; doc += 1) {
    if (pairStart[doc]! > pairStart[doc + 1]!) throw new Error('segment next-word filters are out of order');
  }
  return { keys: header.keys, terms, termFields, termRuns, runStart, postingDocs, postingTfs, lengths, pairStart, pairBits };
}
