/**
 * The picture an article shows as its cover in the library's grid: the first picture of its text
 * that is not a spacer or an icon — an EPUB's cover page comes first, a web page's lead image is
 * its first picture. Chosen once, at import, from what the importer stored; nothing is fetched.
 */
import type { ImportedAsset } from '../importers/imported-document';

/** Smaller files are icons, rules and tracking pixels, not covers. */
const MIN_COVER_BYTES = 2048;

/** `assets/<name>` of the cover, or undefined when the article has no picture fit to be one. */
export function chooseCover(html: string, assets: readonly ImportedAsset[]): string | undefined {
  const sizes = new Map(assets.map((asset) => [asset.path, asset.bytes.byteLength]));
  // The sanitized HTML is serialized by a DOM: attributes are double-quoted.
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="(assets\/[^"]+)"/g)) {
    const size = sizes.get(match[1]!);
    if (size !== undefined && size >= MIN_COVER_BYTES) return match[1];
  }
  return undefined;
}
