/**
 * Test books for the layouts a book may ask for: a fixed-layout picture book (two pages of
 * positioned text over a picture, a spread) and a Japanese novel set vertically (three chapters).
 * Used by the importer's unit tests and by the reader's end-to-end tests.
 */
import { crc32, deflateSync } from 'node:zlib';
import { makeEpub } from './make-zip';

/** A PNG of one colour, `width` × `height` (real pixels, so the page's picture has a size). */
export function solidPng(width: number, height: number, [red, green, blue]: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // 8 bits a sample
  header.writeUInt8(2, 9); // RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([red, green, blue], 1 + x * 3);
  const rows = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const PICTURE_PAGE = { width: 600, height: 800 };
export const PICTURE_BOOK_WORDS = ['The fox wakes under the old oak.', 'The fox finds the river at dusk.'];

const picturePage = (n: number, viewport: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en" class="picture-book">
<head><meta name="viewport" content="${viewport}"/><title>Page ${n}</title>
<link rel="stylesheet" type="text/css" href="page.css"/></head>
<body class="page page-${n}">
<img class="art" src="page${n}.png" alt="Picture ${n}"/>
<p class="caption" style="top: 40px; color: #1a1a66">${PICTURE_BOOK_WORDS[n - 1]}</p>
</body></html>`;

const PAGE_CSS = `
html, body { margin: 0; padding: 0; }
body { position: relative; width: ${PICTURE_PAGE.width}px; height: ${PICTURE_PAGE.height}px; overflow: hidden; }
.art { position: absolute; top: 0; left: 0; width: ${PICTURE_PAGE.width}px; height: ${PICTURE_PAGE.height}px; }
.caption { position: absolute; left: 60px; width: 480px; font-size: 32px; background: url(frame.png) no-repeat; }
.page-2 .caption { top: 600px !important; }
`;

/** Two pages, 600 × 800, that share a spread: left then right. */
export function pictureBook({ viewports = ['width=600, height=800', 'width=600, height=800'] }: { viewports?: string[] } = {}): Buffer {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" prefix="rendition: http://www.idpf.org/vocab/rendition/#">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:fox-picture-book</dc:identifier>
    <dc:title>The Fox and the River</dc:title>
    <dc:language>en</dc:language>
    <meta property="rendition:layout">pre-paginated</meta>
    <meta property="rendition:spread">landscape</meta>
  </metadata>
  <manifest>
    <item id="p1" href="page1.xhtml" media-type="application/xhtml+xml"/>
    <item id="p2" href="page2.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="page.css" media-type="text/css"/>
    <item id="i1" href="page1.png" media-type="image/png"/>
    <item id="i2" href="page2.png" media-type="image/png"/>
    <item id="frame" href="frame.png" media-type="image/png"/>
  </manifest>
  <spine>
    <itemref idref="p1" properties="page-spread-left"/>
    <itemref idref="p2" properties="page-spread-right"/>
  </spine>
</package>`;
  return makeEpub({
    opf,
    files: {
      'page1.xhtml': picturePage(1, viewports[0] ?? ''),
      'page2.xhtml': picturePage(2, viewports[1] ?? ''),
      'page.css': PAGE_CSS,
      'page1.png': solidPng(PICTURE_PAGE.width, PICTURE_PAGE.height, [240, 200, 120]),
      'page2.png': solidPng(PICTURE_PAGE.width, PICTURE_PAGE.height, [120, 180, 230]),
      'frame.png': solidPng(8, 8, [255, 255, 255]),
    },
  });
}

/** A sentence that is only in the third chapter of the vertical novel. */
export const VERTICAL_CHAPTER_3_WORD = '月見団子';
const VERTICAL_PARAGRAPH = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';

const verticalChapter = (n: number, extra: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" class="vrtl">
<head><title>第${n}章</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body><h1>第${n}章</h1>
${Array.from({ length: 12 }, (_, i) => `<p>${VERTICAL_PARAGRAPH}${i === 6 ? extra : ''}</p>`).join('\n')}
</body></html>`;

/**
 * A Japanese novel in three chapters set vertically, as Japanese EPUB makers write it: a class on
 * the root, and the writing mode in EPUB's prefixed property and the standard one.
 */
export function verticalNovel({ css = '.vrtl { -epub-writing-mode: vertical-rl; writing-mode: vertical-rl; }', progression = 'rtl' } = {}): Buffer {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:neko</dc:identifier>
    <dc:title>縦書きの猫</dc:title>
    <dc:creator>夏目漱石</dc:creator>
    <dc:language>ja</dc:language>
  </metadata>
  <manifest>
    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/>
    <item id="c3" href="c3.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine page-progression-direction="${progression}">
    <itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/>
  </spine>
</package>`;
  return makeEpub({
    opf,
    files: {
      'c1.xhtml': verticalChapter(1, ''),
      'c2.xhtml': verticalChapter(2, ''),
      'c3.xhtml': verticalChapter(3, `そして${VERTICAL_CHAPTER_3_WORD}を食べた。`),
      'style.css': css,
    },
  });
}
