/**
 * How deep an XHTML chapter nests, read from its tags without building a DOM: jsdom's XML parser
 * walks every ancestor on each insertion, so a chapter nested 5,000 levels took 12 s before its
 * importer overflowed the stack. Comments, CDATA and processing instructions are skipped; an
 * attribute value may hold `>` or `/>`. For a well-formed chapter this is its exact depth; a broken
 * one stops the XML parser at its first error, before which the count is exact too.
 */

// The name of a start tag, its attributes (values quoted, as XML requires), and whether it closes itself.
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/[^>]*>|<[A-Za-z_:][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;

export function xmlNestingDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of xml.matchAll(MARKUP)) {
    const token = match[0];
    if (token.startsWith('</')) depth = Math.max(0, depth - 1);
    else if (token.startsWith('<!') || token.startsWith('<?') || match[1] === '/') continue;
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
