/** Bugs the importer fuzzing found, each kept as a test of its own. */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/importers/import-file';
import { makeEpub, xhtml } from '../importers/support/make-zip';

describe('found by fuzzing', () => {
  it('reads a page of 2,000 nested <div> (Readability needed minutes: its time grows with the cube of the depth)', async () => {
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(2000)}deep text${'</div>'.repeat(2000)}</body></html>`;
    const { document } = await importFile({ fileName: 'deep.html', bytes: Buffer.from(html) });
    expect(document.title).toBe('Deep');
    expect(document.text).toBe('deep text');
    // No timing assertion (performance is the benchmark's job): before the fix this import took
    // about five minutes, far past the test's own limit, which is what catches a regression.
  }, 60_000);

  // The long fuzz run's 20,000 levels: jsdom walks every ancestor on each insertion, so parsing such
  // a page took over two minutes and sanitizing Markdown's raw HTML minutes more (limit-nesting.ts).
  it.each([
    ['nested-div.html', `<html><head><title>Deep</title></head><body>${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}</body></html>`, 'Deep'],
    ['nested-list.html', `<html><head><title>Deep</title></head><body>${'<ul><li>'.repeat(20_000)}deep text</body></html>`, 'Deep'],
    ['nested-html.md', `# Deep\n\n${'<div>'.repeat(20_000)}deep text`, 'Deep'],
  ])('reads %s nested 20,000 levels deep, keeping its text', async (fileName, source, title) => {
    const { document } = await importFile({ fileName, bytes: Buffer.from(source) });
    expect(document.title).toBe(title);
    expect(document.text).toBe('deep text');
  }, 60_000);

  it.each([
    ['well-formed', `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`],
    ['unclosed (read as HTML)', `${'<div>'.repeat(20_000)}deep text`],
  ])('reads an EPUB chapter nested 20,000 levels deep, %s (jsdom took 12 s for 5,000, then overflowed the stack)', async (_kind, body) => {
    const opf = '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Deep</dc:title></metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>';
    const { document } = await importFile({ fileName: 'deep.epub', bytes: makeEpub({ opf, files: { 'c.xhtml': xhtml('c', body) } }) });
    expect(document.title).toBe('Deep');
    expect(document.text).toContain('deep text');
  }, 60_000);
});
