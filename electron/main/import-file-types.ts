/** The file types Quire imports: the native dialog's filters and what "Open with Quire" accepts. */
import { DOCUMENT_EXTENSIONS, DOCUMENT_KINDS, documentFormatOf } from '../shared/document-formats';
import type { ArticleFormat } from '../shared/models';
import { mainText as t } from './interface-language';

/** The open dialog's name for each kind's filter. */
const FILTER_NAMES = {
  epub: 'dialog.filter.epub',
  pdf: 'dialog.filter.pdf',
  html: 'dialog.filter.html',
  md: 'dialog.filter.md',
  txt: 'dialog.filter.txt',
} as const satisfies Record<ArticleFormat, string>;

/** All documents first, then one filter per kind, named in the interface language. */
export const importFilters = (): { name: string; extensions: string[] }[] => [
  { name: t('dialog.filter.documents'), extensions: [...DOCUMENT_EXTENSIONS] },
  ...DOCUMENT_KINDS.map((kind) => ({ name: t(FILTER_NAMES[kind.format]), extensions: [...kind.extensions] })),
];

/** True when the name ends in an extension Quire imports (any case). */
export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && documentFormatOf(name) !== null;
}
