import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { importFile } from '../../../../electron/core/importers/import-file';
import { isQuireError } from '../../../../electron/shared/result';
import { makeImageOnlyPdf, makePasswordProtectedPdf, makePdf, makeTwoColumnPdf } from './support/make-pdf';

async function importError(bytes: Uint8Array): Promise<string> {
  try {
    await importFile({ fileName: 'x.pdf', bytes });
  } catch (error) {
    if (isQuireError(error)) return error.message;
    throw error;
  }
  throw new Error('the PDF was imported');
}

const JOURNAL = 'Journal of Cetology, Vol. 3';

/** Three pages as a journal sets them: a running header, page numbers, a paragraph across a page. */
const journal = (): Promise<Uint8Array> =>
  makePdf(
    [
      {
        heading: 'On the Great Whales',
        paragraphs: [
          ['The whale is a large animal that lives in', 'the sea and is not a fish, whatever old', 'sailors may say about it.'],
          ['Its size is the first thing every observer', 'has recog-', 'nised, and the last thing they forget; the'],
        ],
      },
      { paragraphs: [['sperm whale dives deeper than any other.'], ['A new paragraph starts on the second page.']] },
      { paragraphs: [['The third page ends the article.']] },
    ],
    { title: 'Cetology', author: 'Ishmael', runningHeader: JOURNAL, pageNumbers: true },
  );

describe('PDF', () => {
  it('reflows lines into paragraphs, mends hyphenated words and drops running headers and page numbers', async () => {
    const { format, document } = await importFile({ fileName: 'whales.pdf', bytes: await journal() });
    expect(format).toBe('pdf');
    expect(document.text).toBe(
      [
        'On the Great Whales',
        'The whale is a large animal that lives in the sea and is not a fish, whatever old sailors may say about it.',
        'Its size is the first thing every observer has recognised, and the last thing they forget; the sperm whale dives deeper than any other.',
        'A new paragraph starts on the second page.',
        'The third page ends the article.',
      ].join('\n'),
    );
    expect(document.text).not.toContain('Journal of Cetology');
    expect(document.text).not.toMatch(/Page \d/);
    expect(parseFragment(document.html).textContent).toBe(document.text);
  });

  it('says how far it has read, page by page, for the import to show', async () => {
    const reports: string[] = [];
    await importFile({ fileName: 'whales.pdf', bytes: await journal(), onProgress: (done, total, unit) => reports.push(`${unit} ${done}/${total}`) });
    expect(reports).toEqual(['page 0/3', 'page 1/3', 'page 2/3', 'page 3/3']);
  });

  it('keeps every page start as an anchor, inside a paragraph that runs across pages', async () => {
    const { document } = await importFile({ fileName: 'whales.pdf', bytes: await journal() });
    const root = parseFragment(document.html);
    const anchors = Array.from(root.querySelectorAll('[id^="page-"]'), (element) => element.id);
    expect(anchors).toEqual(['page-1', 'page-2', 'page-3']);
    expect(root.querySelector('#page-2')!.parentElement!.textContent).toContain('recognised, and the last thing they forget; the sperm whale');
    expect(root.querySelector('h2')?.textContent).toBe('On the Great Whales');
  });

  it('takes title and author from the metadata, or the title from the first large line', async () => {
    const withMetadata = await importFile({ fileName: 'whales.pdf', bytes: await journal() });
    expect(withMetadata.document.title).toBe('Cetology');
    expect(withMetadata.document.byline).toBe('Ishmael');
    const bare = await makePdf([{ heading: 'A Title Set Large', paragraphs: [['Body text of the document.']] }]);
    const { document } = await importFile({ fileName: 'scan_0001.pdf', bytes: bare });
    expect(document.title).toBe('A Title Set Large');
    // The title is shown above the text by the reader: it is not repeated as the first heading.
    expect(document.text).toBe('Body text of the document.');
    expect(parseFragment(document.html).querySelector('#page-1')).not.toBeNull();
  });

  describe('a metadata title that names no document gives way to the first page\'s largest text', () => {
    const article = (title: string, runningHeader?: string) =>
      makePdf(
        [{ heading: 'The Year in Math', paragraphs: [['Mathematicians proved three old conjectures this year.']] }, { paragraphs: [['More.']] }],
        runningHeader ? { title, runningHeader } : { title },
      );

    it.each([
      ['a word processor\'s placeholder', 'Microsoft Word - year-in-math-v3.docx', 'export.pdf'],
      ['"Untitled"', 'Untitled', 'export.pdf'],
      ['the file\'s own name', 'scan_0042', 'scan_0042.pdf'],
    ])('%s', async (_, title, fileName) => {
      const { document } = await importFile({ fileName, bytes: await article(title) });
      expect(document.title).toBe('The Year in Math');
    });

    it('the publisher\'s name, printed small at the top of every page', async () => {
      const { document } = await importFile({ fileName: 'page.pdf', bytes: await article('Quanta Magazine', 'Quanta Magazine') });
      expect(document.title).toBe('The Year in Math');
      expect(document.text).not.toContain('Quanta Magazine');
    });

    it('but a real title that differs from the page is kept', async () => {
      const { document } = await importFile({ fileName: 'page.pdf', bytes: await article('Three Conjectures Fall', 'Quanta Magazine') });
      expect(document.title).toBe('Three Conjectures Fall');
    });
  });

  it('reads a two-column page column by column, the spanning title first', async () => {
    const bytes = await makeTwoColumnPdf(
      'Tides and the Moon: a two-column study',
      [['Left column opens the study of', 'tides with the first para-', 'graph of the text.'], ['The second paragraph stays', 'in the left column.'], ['Lines one', 'two', 'three', 'four']],
      [['The right column begins a', 'new paragraph at its top.'], ['It ends the page here.'], ['Lines five', 'six', 'seven', 'eight']],
    );
    const { document } = await importFile({ fileName: 'tides.pdf', bytes });
    expect(document.title).toBe('Tides and the Moon: a two-column study');
    expect(document.text).toBe(
      [
        'Left column opens the study of tides with the first paragraph of the text.',
        'The second paragraph stays in the left column.',
        'Lines one two three four',
        'The right column begins a new paragraph at its top.',
        'It ends the page here.',
        'Lines five six seven eight',
      ].join('\n'),
    );
  });

  it('says so when a PDF is password-protected', async () => {
    expect(await importError(await makePasswordProtectedPdf())).toBe('This PDF is password-protected; Quire cannot open it.');
  });

  it('says so when a PDF has no text layer', async () => {
    expect(await importError(await makeImageOnlyPdf())).toBe(
      'This PDF has no text layer (it is scanned images); Quire cannot import it yet.',
    );
  });

  it('says so when a file named .pdf is not one, or is cut short', async () => {
    expect(await importError(Buffer.from('<html>not a pdf</html>'))).toBe('This PDF is damaged or is not a PDF; Quire cannot read it.');
    const whole = await journal();
    expect(await importError(whole.subarray(0, 400))).toBe('This PDF is damaged or is not a PDF; Quire cannot read it.');
  });
});
