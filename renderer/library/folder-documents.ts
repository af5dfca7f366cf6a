/**
 * What a picked or dropped folder holds besides documents, told apart as the core's folder walk
 * does (electron/core/library/collect-import-files.ts): images, stylesheets and scripts are
 * skipped rather than uploaded to fail, and the `<page>_files` folder a browser saves beside
 * `<page>.html` belongs to that page. A file picked by itself is always tried, so an unknown format
 * gets the core's own message.
 */
import type { Text } from '../i18n/use-text';
import { documentFormatOf, extensionOf } from '../../electron/shared/document-formats';
import type { ImportOutcome } from '../../electron/shared/models';
import type { PickedFile } from './dropped-files';

const isDocument = (name: string): boolean => documentFormatOf(name) !== null;
const PAGE = /\.x?html?$/i;

export function splitFolderFiles(files: readonly PickedFile[], text: Text): { documents: PickedFile[]; skipped: ImportOutcome[] } {
  const pages = new Set(files.filter((f) => PAGE.test(f.name)).map((f) => f.name.replace(PAGE, '').toLowerCase()));
  // "folder/Saved page_files/ad.html" belongs to "folder/Saved page.html".
  const ofSavedPage = (name: string): boolean => {
    const parts = name.split('/');
    return parts.slice(0, -1).some((part, i) => /_files$/i.test(part) && pages.has([...parts.slice(0, i), part.slice(0, -'_files'.length)].join('/').toLowerCase()));
  };
  const documents: PickedFile[] = [];
  const skipped: ImportOutcome[] = [];
  for (const file of files) {
    const inFolder = file.name.includes('/');
    if (inFolder && ofSavedPage(file.name)) continue;
    if (inFolder && !isDocument(file.name)) {
      const ext = extensionOf(file.name);
      const kind = ext ? `.${ext}` : text('importSummary.noExtension');
      skipped.push({ status: 'skipped', source: file.name, reason: text('upload.notDocument', { kind }) });
    } else {
      documents.push(file);
    }
  }
  return { documents, skipped };
}
