/**
 * Checks a picture of a PDF's first page before it is stored as the article's cover: it must be a
 * PNG or a WebP (read from its own header, never from a name or a media type it came with), within
 * the byte and pixel bounds of `shared/first-page-cover.ts`. Only the header is read: the picture
 * is shown by the page's own image decoder, never decoded here.
 */
import { MAX_FIRST_PAGE_COVER_BYTES, MAX_FIRST_PAGE_COVER_SIDE } from '../../shared/first-page-cover';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';

export interface CoverPicture {
  /** the file's extension in `assets/` */
  ext: 'png' | 'webp';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ascii = (bytes: Uint8Array, at: number, length: number): string => String.fromCharCode(...bytes.subarray(at, at + length));

/** PNG: the signature, then the IHDR chunk, whose first fields are the width and height (big-endian). */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte) || ascii(bytes, 12, 4) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** WebP: a RIFF file of kind WEBP whose first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (ascii(bytes, 12, 4)) {
    case 'VP8 ':
      // A key frame's start code, then 14-bit width and height.
      if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
      return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    case 'VP8L': {
      if (bytes[20] !== 0x2f) return null;
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: (view.getUint32(24, true) & 0xffffff) + 1, height: (view.getUint32(27, true) & 0xffffff) + 1 };
    default:
      return null;
  }
}

/** What the picture is, or a sentence saying why it cannot be a cover. */
export function checkCoverPicture(bytes: Uint8Array): CoverPicture {
  const refuse = (why: 'tooLarge' | 'notPicture' | 'tooManyPixels', width = 0, height = 0): never => {
    const kilobytes = MAX_FIRST_PAGE_COVER_BYTES / 1024;
    throw sentenceError('invalid-argument', say('core.error.coverRefused', { why, kilobytes, width, height, max: MAX_FIRST_PAGE_COVER_SIDE }));
  };
  if (bytes.length > MAX_FIRST_PAGE_COVER_BYTES) refuse('tooLarge');
  const png = pngSize(bytes);
  const size = png ?? webpSize(bytes);
  if (!size) return refuse('notPicture');
  const { width, height } = size;
  if (width < 1 || height < 1 || width > MAX_FIRST_PAGE_COVER_SIDE || height > MAX_FIRST_PAGE_COVER_SIDE) {
    refuse('tooManyPixels', width, height);
  }
  return { ext: png ? 'png' : 'webp', width, height };
}
