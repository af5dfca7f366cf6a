import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { importFile } from '../../../../electron/core/importers/import-file';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEUlEQVR4nGP8z8DwnwEJMKFzADUKAgHQ3e5BAAAAAElFTkSuQmCC', 'base64');
const GIF = Buffer.from('R0lGODlhAwADAIAAAP///wAAACH5BAAAAAAALAAAAAADAAMAAAIDhI9WADs=', 'base64');
const words = 'A saved page with enough words in it to be read as an article by the reader view. '.repeat(8);

function savedPage(root: string, images: string): { file: string; bytes: Buffer } {
  const folder = path.join(root, 'saved');
  mkdirSync(path.join(folder, 'page_files'), { recursive: true });
  writeFileSync(path.join(folder, 'page_files', 'photo.png'), PNG);
  writeFileSync(path.join(folder, 'page_files', 'fake.png'), '<script>alert(1)</script>');
  writeFileSync(path.join(root, 'private.gif'), GIF);
  const bytes = Buffer.from(`<!doctype html><html><head><title>Saved</title></head><body><article><h1>Saved</h1><p>${words}</p>${images}<p>${words}</p></article></body></html>`);
  const file = path.join(folder, 'page.html');
  writeFileSync(file, bytes);
  return { file, bytes };
}

describe('images of a page saved on disk', () => {
  it('keeps pictures in the page folder, twice used once stored, and nothing from above it', async () => {
    const root = tempDir();
    const outside = pathToFileURL(path.join(root, 'private.gif')).href;
    const { file, bytes } = savedPage(
      root,
      `<img src="page_files/photo.png" alt="Photo"><img src="./page_files/photo.png" alt="Again">
       <img src="../private.gif" alt="Climbing out"><img src="${outside}" alt="Absolute path">
       <img src="page_files/fake.png" alt="Not a picture"><img src="page_files/none.png" alt="Missing">`,
    );
    const { document } = await importFile({ fileName: 'page.html', filePath: file, bytes });
    expect(document.assets).toHaveLength(1);
    expect(Buffer.from(document.assets[0]!.bytes).equals(PNG)).toBe(true);
    const sources = Array.from(parseFragment(document.html).querySelectorAll('img'), (img) => img.getAttribute('src'));
    expect(sources).toEqual([document.assets[0]!.path, document.assets[0]!.path]);
    for (const alt of ['Climbing out', 'Absolute path', 'Not a picture', 'Missing']) expect(document.text).toContain(alt);
  });

  it('reads no file when the page came as bytes alone (drag and drop, browser mode)', async () => {
    const root = tempDir();
    const { bytes } = savedPage(root, '<img src="page_files/photo.png" alt="Photo">');
    const { document } = await importFile({ fileName: 'page.html', bytes });
    expect(document.assets).toEqual([]);
    expect(document.text).toContain('Photo');
  });
});
