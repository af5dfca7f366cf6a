import { describe, expect, it } from 'vitest';
import { parseViewBox, parseViewport, readRendition } from '../../../../../electron/core/importers/epub/rendition';

describe('the size a fixed-layout page gives', () => {
  it('reads width and height, whatever separates them', () => {
    expect(parseViewport('width=1024, height=768')).toEqual({ width: 1024, height: 768 });
    expect(parseViewport('width=600;height=800')).toEqual({ width: 600, height: 800 });
    expect(parseViewport('  height = 800px , width = 600px , initial-scale=1 ')).toEqual({ width: 600, height: 800 });
    expect(parseViewport('width=600 height=800')).toEqual({ width: 600, height: 800 });
  });

  it('gives no size for malformed, missing or absurd values (the caller falls back)', () => {
    for (const bad of [null, '', 'width=device-width', 'width=600', 'width=abc, height=800', 'width=-600, height=800', 'width=0, height=0', 'width=1e9, height=800', 'width=600, height=Infinity', '=,=,=', 'x'.repeat(5000)]) {
      expect(parseViewport(bad)).toBeNull();
    }
  });

  it('reads an SVG viewBox', () => {
    expect(parseViewBox('0 0 1200 1600')).toEqual({ width: 1200, height: 1600 });
    expect(parseViewBox('0,0,1200,1600')).toEqual({ width: 1200, height: 1600 });
    expect(parseViewBox('0 0 1200')).toBeNull();
    expect(parseViewBox('a b c d')).toBeNull();
  });
});

const opf = (metadata: string, spine: string): string =>
  `<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata>${metadata}</metadata><manifest/>${spine}</package>`;

describe("the book's rendition", () => {
  it('finds pre-paginated books, spreads, sides and the page progression', () => {
    const rendition = readRendition(
      opf(
        '<meta property="rendition:layout">pre-paginated</meta><meta property="rendition:spread">both</meta><meta property="rendition:viewport">width=800, height=1000</meta>',
        '<spine page-progression-direction="rtl"><itemref idref="a" properties="page-spread-right"/><itemref idref="b" properties="rendition:page-spread-left"/><itemref idref="c" properties="rendition:layout-reflowable"/></spine>',
      ),
    );
    expect(rendition?.hasPages).toBe(true);
    expect(rendition?.spread).toBe('both');
    expect(rendition?.progression).toBe('rtl');
    expect(rendition?.viewport).toEqual({ width: 800, height: 1000 });
    expect(rendition?.items.get('a')).toEqual({ idref: 'a', prePaginated: true, side: 'right' });
    expect(rendition?.items.get('b')?.side).toBe('left');
    expect(rendition?.items.get('c')?.prePaginated).toBe(false);
  });

  it('finds pages named per spine item, and the older fixed-layout meta', () => {
    expect(readRendition(opf('', '<spine><itemref idref="a" properties="rendition:layout-pre-paginated"/><itemref idref="b"/></spine>'))?.items.get('b')?.prePaginated).toBe(false);
    expect(readRendition(opf('<meta name="fixed-layout" content="true"/>', '<spine><itemref idref="a"/></spine>'))?.items.get('a')?.prePaginated).toBe(true);
  });

  it('reads a reflowable book as having no pages, and an unknown spread as auto', () => {
    const rendition = readRendition(opf('<meta property="rendition:spread">sideways</meta>', '<spine><itemref idref="a"/></spine>'));
    expect(rendition?.hasPages).toBe(false);
    expect(rendition?.spread).toBe('auto');
    expect(rendition?.progression).toBe('ltr');
    expect(readRendition('<not xml')).toBeNull();
  });
});
