import { describe, expect, it } from 'vitest';
import { elementsNamed, firstNamed, parseXml } from '../../../../electron/core/importers/epub/xml';

const XHTML = `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <metadata><dc:title id="first">One</dc:title><meta/><dc:title>Two</dc:title></metadata>
  <spine><itemref idref="a"/><itemref idref="b"/></spine>
  <guide><reference type="cover"/></guide>
</package>`;

describe('firstNamed', () => {
  const doc = parseXml(XHTML)!;

  it('finds the first element of that local name in document order, whatever its prefix', () => {
    expect(firstNamed(doc, 'title')?.getAttribute('id')).toBe('first');
    expect(firstNamed(doc, 'reference')?.getAttribute('type')).toBe('cover');
    expect(firstNamed(doc, 'package')).toBe(doc.documentElement);
  });

  it('agrees with the list of all of them, for every name in the document', () => {
    for (const name of ['package', 'metadata', 'title', 'meta', 'spine', 'itemref', 'guide', 'reference']) {
      expect(firstNamed(doc, name)).toBe(elementsNamed(doc, name)[0]);
    }
  });

  it('looks only inside the element it is given, never at the element itself or after it', () => {
    const spine = firstNamed(doc, 'spine')!;
    expect(firstNamed(spine, 'itemref')?.getAttribute('idref')).toBe('a');
    expect(firstNamed(spine, 'spine')).toBeNull();
    expect(firstNamed(spine, 'reference')).toBeNull();
    expect(firstNamed(doc, 'body')).toBeNull();
  });
});
