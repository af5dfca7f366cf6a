/**
 * Bytes → text for the text formats. Refuses what is plainly not text (a PNG renamed .html), honours
 * a byte-order mark (UTF-8, UTF-16), then UTF-8, then a declared charset (HTML); text that is not
 * valid UTF-8 and declares nothing is identified by its byte statistics (chardet: Windows-1256
 * Arabic, KOI8-R, Shift_JIS, GB18030…), and read as Windows-1252, the usual encoding of older
 * Western files, when nothing is clear.
 */
import chardet from 'chardet';
import type { QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';

/** Below this confidence (of 100) chardet is guessing; Windows-1252 is the better guess then. */
const MIN_CONFIDENCE = 20;

const SNIFF_BYTES = 8192;

/** NUL bytes or many control characters at the start: an image, an archive, an executable… */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  // An index, not `for…of`: the import workers run without TurboFan, where each step of an
  // iterator is an object made and thrown away (8,192 per page, about 2.5 % of what a worker
  // allocates on Debian's pages).
  for (let index = 0; index < head.length; index++) {
    const byte = head[index]!;
    if (byte === 0) return true;
    // C0 controls other than tab, newline, form feed, carriage return, escape
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) control += 1;
  }
  return control > head.length / 20;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null; // unknown label, or invalid bytes for a fatal decoder
  }
}

/** `<meta charset>` or `http-equiv` content type in the first kilobytes of an HTML file. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * UTF-16 without a byte-order mark, for text that is mostly ASCII: every other byte is NUL, on the
 * same side.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const head = bytes.subarray(0, SNIFF_BYTES - (SNIFF_BYTES % 2));
  if (head.length < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul += 1;
    if (head[i + 1] === 0) oddNul += 1;
  }
  const pairs = Math.floor(head.length / 2);
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The most likely single- or multi-byte encoding by statistics, or null when unclear. */
function detectedEncoding(bytes: Uint8Array): string | null {
  for (const candidate of chardet.analyse(bytes.subarray(0, 64 * 1024))) {
    if (candidate.confidence < MIN_CONFIDENCE) break;
    const name = candidate.name.toLowerCase();
    if (name === 'utf-8' || name === 'ascii' || name.startsWith('utf-16') || name.startsWith('utf-32')) continue;
    // Browsers read Latin-1 as its superset Windows-1252, and so does TextDecoder.
    if (decodeWith(name, new Uint8Array(0), false) !== null) return name;
  }
  return null;
}

export function decodeText(bytes: Uint8Array, declaredCharset: string | null = null): string {
  const utf16 = bomEncoding(bytes) === null ? bomlessUtf16(bytes) : null;
  if (utf16) {
    const text = decodeWith(utf16, bytes, true);
    if (text !== null && !text.includes('\0')) return text;
  }
  const bom = bomEncoding(bytes);
  if (bom) {
    // UTF-16 text is full of NUL bytes, so the binary check only applies without a BOM.
    const text = decodeWith(bom.encoding, bytes.subarray(bom.length), true);
    if (text === null || text.includes('\0')) throw notText();
    return text;
  }
  if (looksBinary(bytes)) throw notText();
  const utf8 = decodeWith('utf-8', bytes, true);
  if (utf8 !== null) return utf8;
  if (declaredCharset && declaredCharset !== 'utf-8' && declaredCharset !== 'utf8') {
    const declared = decodeWith(declaredCharset, bytes, false);
    if (declared !== null) return declared;
  }
  const detected = detectedEncoding(bytes);
  const legacy = decodeWith(detected ?? 'windows-1252', bytes, false);
  if (legacy === null) throw notText();
  return legacy;
}

const notText = (): QuireError =>
  sentenceError('import-failed', say('core.import.notTextDocument'));
