/**
 * PDFs made for the tests with pdf-lib: text laid out as a word processor would (a title in a
 * large font, body lines in a small one, a running header and a page number on every page), so
 * the importer sees what real PDFs hold: positioned lines, not paragraphs.
 */
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';

export interface PdfPage {
  /** a line in the title font at the top of the page */
  heading?: string;
  /** paragraphs, each a list of the lines it is set in */
  paragraphs: string[][];
}

export interface PdfOptions {
  title?: string;
  author?: string;
  /** printed at the top of every page */
  runningHeader?: string;
  /** "Page N" at the bottom of every page */
  pageNumbers?: boolean;
}

const BODY_SIZE = 11;
const LINE_GAP = 14;
const PARAGRAPH_GAP = 26;

export async function makePdf(pages: PdfPage[], options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const regular = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  if (options.title) pdf.setTitle(options.title);
  if (options.author) pdf.setAuthor(options.author);
  pages.forEach((content, index) => {
    const page = pdf.addPage([595, 842]);
    if (options.runningHeader) page.drawText(options.runningHeader, { x: 72, y: 800, size: 9, font: regular });
    let y = 760;
    if (content.heading) {
      page.drawText(content.heading, { x: 72, y, size: 20, font: bold });
      y -= 40;
    }
    for (const lines of content.paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 72, y, size: BODY_SIZE, font: regular });
        y -= LINE_GAP;
      }
      y -= PARAGRAPH_GAP - LINE_GAP;
    }
    if (options.pageNumbers) page.drawText(`Page ${index + 1}`, { x: 280, y: 40, size: 9, font: regular });
  });
  return pdf.save({ useObjectStreams: false });
}

/** One page set in two columns under a title that spans both, as journals and papers are. */
export async function makeTwoColumnPdf(title: string, left: string[][], right: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  page.drawText(title, { x: 72, y: 770, size: 18, font: bold });
  for (const [x, paragraphs] of [[72, left], [320, right]] as const) {
    let y = 730;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x, y, size: BODY_SIZE, font: regular });
        y -= LINE_GAP;
      }
      y -= PARAGRAPH_GAP - LINE_GAP;
    }
  }
  return pdf.save({ useObjectStreams: false });
}

/** A page with only a drawn shape: what a scan without OCR looks like to a text extractor. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
  return pdf.save();
}

/**
 * A PDF under the standard security handler whose user password is not empty: the `/U` check
 * value matches no empty password, so no reader opens it without being given the password.
 */
export async function makePasswordProtectedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  pdf.addPage([595, 842]).drawText('Secret text', { x: 72, y: 700, size: 12, font });
  const filler = (seed: number): PDFHexString =>
    PDFHexString.of(Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join(''));
  const encrypt = pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -4 });
  encrypt.set(PDFName.of('O'), filler(11));
  encrypt.set(PDFName.of('U'), filler(97));
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  pdf.context.trailerInfo.ID = pdf.context.obj([filler(5), filler(5)]);
  return pdf.save({ useObjectStreams: false });
}
