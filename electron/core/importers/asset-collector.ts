/**
 * The images an article keeps, under names Quire makes up: the content's hash and the type its
 * bytes show (never the name or the type the source claims), so no path from a page or an archive
 * ever reaches the disk, and the same picture used twice is stored once.
 */
import { createHash } from 'node:crypto';
import type { ImportedAsset } from './imported-document';

export interface AssetLimits {
  /** most images one article keeps */
  maxCount: number;
  /** most bytes all its images may take together */
  maxTotalBytes: number;
}

export const DEFAULT_ASSET_LIMITS: AssetLimits = { maxCount: 2000, maxTotalBytes: 200 * 1024 * 1024 };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((byte, i) => bytes[at + i] === byte);

/** The image type the bytes show, as the extension the reader's content route serves it by. */
export function imageExtension(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66], 4)) return 'avif';
  if (startsWith(bytes, [0x42, 0x4d])) return 'bmp';
  // SVG is text: an <svg> root near the start (after an XML declaration, comments or a doctype).
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024));
  if (/^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'svg';
  return null;
}

/** A picture of a pixel or two: a spacer or a lazy-loading placeholder, nothing to look at. */
function isSpacer(bytes: Uint8Array, ext: string): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ext === 'png' && bytes.length >= 24) return view.getUint32(16) <= 2 && view.getUint32(20) <= 2;
  if (ext === 'gif' && bytes.length >= 10) return view.getUint16(6, true) <= 2 && view.getUint16(8, true) <= 2;
  return false;
}

/** The bytes of a `data:` URL that holds an image, or null. */
export function dataUrlBytes(url: string): Uint8Array | null {
  const match = /^data:([^,]*?),(.*)$/is.exec(url.trim());
  if (!match) return null;
  const [, header = '', payload = ''] = match;
  if (!/^image\//i.test(header)) return null;
  try {
    return /;base64$/i.test(header)
      ? Buffer.from(payload.replace(/\s+/g, ''), 'base64')
      : Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    return null; // malformed percent-encoding
  }
}

export class AssetCollector {
  private readonly byPath = new Map<string, Uint8Array>();
  private totalBytes = 0;

  constructor(private readonly limits: AssetLimits = DEFAULT_ASSET_LIMITS) {}

  /**
   * Stores an image and returns the path the HTML should use (`assets/<name>`), or null when the
   * bytes are not an image or the article already holds as many images as it may.
   */
  add(bytes: Uint8Array): string | null {
    const ext = imageExtension(bytes);
    if (ext === null || isSpacer(bytes, ext)) return null;
    const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}.${ext}`;
    const assetPath = `assets/${name}`;
    if (this.byPath.has(assetPath)) return assetPath;
    if (this.byPath.size >= this.limits.maxCount) return null;
    if (this.totalBytes + bytes.length > this.limits.maxTotalBytes) return null;
    this.byPath.set(assetPath, bytes);
    this.totalBytes += bytes.length;
    return assetPath;
  }

  /** The stored paths, for the sanitizer to know which images stay. */
  has(assetPath: string): boolean {
    return this.byPath.has(assetPath);
  }

  /** For the sanitizer: keeps images already stored and `data:` images (storing them now). */
  readonly keepImage = (src: string): string | null => {
    if (this.byPath.has(src)) return src;
    if (!/^data:/i.test(src)) return null;
    const bytes = dataUrlBytes(src);
    return bytes ? this.add(bytes) : null;
  };

  /** The assets the final HTML still refers to (extraction may have dropped some images). */
  referencedBy(html: string): ImportedAsset[] {
    return [...this.byPath].filter(([assetPath]) => html.includes(`"${assetPath}"`)).map(([assetPath, bytes]) => ({ path: assetPath, bytes }));
  }
}
