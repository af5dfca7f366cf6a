import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createDirectApi } from '../../../../electron/shared/dispatch';
import { makePdf } from '../importers/support/make-pdf';
import { webPages } from '../support/corpus';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-first-page-');

/** A whole PNG of one grey: signature, header, pixels, end, each chunk with its checksum. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0xc0)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The start of a lossless WebP of this size (what a browser's canvas writes): its header is what the core reads. */
function webpHeader(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(40);
  bytes.write('RIFF', 0, 'latin1');
  bytes.writeUInt32LE(32, 4);
  bytes.write('WEBPVP8L', 8, 'latin1');
  bytes.writeUInt32LE(20, 16);
  bytes[20] = 0x2f;
  bytes.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 21);
  return bytes;
}

async function libraryWithPdfAndPage() {
  const root = tempDir();
  const pdfFile = path.join(root, 'report.pdf');
  writeFileSync(pdfFile, await makePdf([{ heading: 'Quarterly report', paragraphs: [['Figures for the quarter, page one.']] }], { title: 'Quarterly report' }));
  const opened = await openTestLibrary(root);
  const page = webPages().find((p) => p.name === 'bbc-1')!.file;
  const [pdf, web] = (await opened.core.importPaths([pdfFile, page])).map((outcome) => {
    if (outcome.status !== 'imported') throw new Error(`${outcome.source} was not imported`);
    return outcome.article;
  });
  return { ...opened, root, pdf: pdf!, web: web!, api: createDirectApi(opened.core) };
}

describe("a PDF's first page as its cover", () => {
  it('is stored once as the article’s cover, kept across a restart, and never replaced', async () => {
    const { core, api, pdf, libraryDir, root } = await libraryWithPdfAndPage();
    const folder = path.join(libraryDir, 'articles', pdf.id);
    expect(pdf.cover).toBeUndefined();
    const picture = png(180, 254);
    try {
      const stored = await api.setFirstPageCover(pdf.id, picture.toString('base64'));
      expect(stored).toMatchObject({ ok: true, value: { id: pdf.id, cover: 'assets/first-page.png' } });
      expect(readFileSync(path.join(folder, 'assets', 'first-page.png')).equals(picture)).toBe(true);
      expect(JSON.parse(readFileSync(path.join(folder, 'article.json'), 'utf8')).cover).toBe('assets/first-page.png');

      // A second drawing (another window) changes nothing: the first cover stays, byte for byte.
      const again = await api.setFirstPageCover(pdf.id, webpHeader(200, 280).toString('base64'));
      expect(again).toMatchObject({ ok: true, value: { cover: 'assets/first-page.png' } });
      expect(existsSync(path.join(folder, 'assets', 'first-page.webp'))).toBe(false);
      expect(readFileSync(path.join(folder, 'assets', 'first-page.png')).equals(picture)).toBe(true);
    } finally {
      await core.close();
    }
    const reopened = await openTestLibrary(root);
    try {
      expect((await reopened.core.getArticle(pdf.id)).cover).toBe('assets/first-page.png');
    } finally {
      await reopened.core.close();
    }
  });

  it('takes a WebP as well', async () => {
    const { core, api, pdf } = await libraryWithPdfAndPage();
    try {
      expect(await api.setFirstPageCover(pdf.id, webpHeader(360, 509).toString('base64'))).toMatchObject({
        ok: true,
        value: { cover: 'assets/first-page.webp' },
      });
    } finally {
      await core.close();
    }
  });

  it('refuses, in a sentence and writing nothing, what is not a bounded PNG or WebP of a PDF', async () => {
    const { core, api, pdf, web, libraryDir } = await libraryWithPdfAndPage();
    const refusal = async (id: string, data: Buffer | string) => {
      const answer = await api.setFirstPageCover(id, typeof data === 'string' ? data : data.toString('base64'));
      if (answer.ok) throw new Error('stored what it should have refused');
      return answer.error.message;
    };
    try {
      expect(await refusal(pdf.id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
        'The cover was not stored: the picture is neither a PNG nor a WebP.',
      );
      expect(await refusal(pdf.id, png(4000, 20))).toBe(
        'The cover was not stored: the picture is 4000 × 20 pixels; a cover is at most 1600 on each side.',
      );
      expect(await refusal(pdf.id, 'A'.repeat(800_000))).toMatch(/larger than 512 KB/);
      expect(await refusal(web.id, png(100, 100))).toBe('Only a PDF has its first page as its cover; this article is not one.');
      expect(await refusal('no-such-article', png(100, 100))).toBe('That article is not in the library.');
      for (const id of [pdf.id, web.id]) {
        const assets = path.join(libraryDir, 'articles', id, 'assets');
        expect(existsSync(assets) ? readdirSync(assets).filter((name) => name.startsWith('first-page')) : []).toEqual([]);
      }
      expect((await core.getArticle(pdf.id)).cover).toBeUndefined();
    } finally {
      await core.close();
    }
  });
});
