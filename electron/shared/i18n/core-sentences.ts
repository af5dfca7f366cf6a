/**
 * The sentences the core says to a person (an error's message, why a file was not imported, why
 * an edit is refused), each a message of the catalogs. The core sends the English text, made from
 * `en.json` (the CLI and the log print it; an older page shows it), and beside it the message id
 * and its values, so the page and the menus say it in the interface language. One entry per
 * sentence: its id and the kind of each value it fills in. A test holds every catalog to these
 * value names.
 */
import type { MessageId } from './catalogs';

type ValueKind = 'string' | 'number';

export const CORE_SENTENCES = {
  // Why a file or page was not imported.
  'core.import.empty': {},
  'core.import.noReadableText': {},
  'core.import.pageNoReadableText': {},
  'core.import.notTextDocument': {},
  'core.import.unsupportedExtension': { extension: 'string', supported: 'string' },
  'core.import.noExtension': { supported: 'string' },
  'core.import.tooLargeMegabytes': { megabytes: 'number' },
  'core.import.tooLargeKilobytes': { kilobytes: 'number' },
  'core.import.tooComplex': {},
  'core.import.fileMissing': {},
  'core.import.notAllowed': {},
  'core.import.diskFull': {},
  'core.import.isFolder': {},
  'core.import.unexpected': {},
  'core.import.fileReplaced': {},
  'core.import.notRegularFile': { kind: 'string' },
  'core.import.pdfPassword': {},
  'core.import.pdfNoTextLayer': {},
  'core.import.pdfDamaged': {},
  'core.import.epubDamaged': {},
  'core.import.epubTooLarge': {},
  'core.import.epubInvalidPackage': {},
  'core.import.epubNoPackage': {},
  'core.import.epubNoChapter': {},
  // What the reader should know about a book that came in with almost no text.
  'core.import.epubFixedLayout': { words: 'number' },
  'core.import.epubMostlyPictures': { words: 'number' },
  'core.import.epubLittleText': { words: 'number' },
  'core.import.web.notAddress': {},
  'core.import.web.onlyHttp': {},
  'core.import.web.status': { status: 'number' },
  'core.import.web.redirectRefused': {},
  'core.import.web.tooManyRedirects': { count: 'number' },
  'core.import.web.timeout': { seconds: 'number' },
  'core.import.web.unreachable': {},
  'core.import.web.fileType': { type: 'string' },
  'core.import.web.unknownType': {},
  'core.import.web.empty': {},
  'core.import.web.refusedHost': { host: 'string', address: 'string', kind: 'string' },
  'core.import.web.refusedAddress': { address: 'string', kind: 'string' },
  // The rules of editing an article's title, author and tags.
  'core.edit.titleEmpty': {},
  'core.edit.titleTooLong': { max: 'number', length: 'number' },
  'core.edit.authorTooLong': { max: 'number', length: 'number' },
  'core.edit.tagEmpty': { tag: 'string' },
  'core.edit.tagTooLong': { tag: 'string', max: 'number' },
  'core.edit.tagControl': { tag: 'string' },
  'core.edit.tooManyTags': { max: 'number', count: 'number' },
  'core.edit.nothing': {},
  // Errors of the contract's calls.
  'core.error.unexpected': { method: 'string' },
  'core.error.articleNotFound': {},
  'core.error.articleGone': {},
  'core.error.chapterNotFound': {},
  'core.error.notInTrash': {},
  'core.error.restoreMissing': { count: 'number' },
  'core.error.annotationNotFound': {},
  'core.error.passageEndsBeforeStart': {},
  'core.error.passageOutside': {},
  'core.error.passageNotFound': {},
  'core.error.sameText': { title: 'string', id: 'string' },
  'core.error.notW3cAnnotations': {},
  'core.error.notJson': {},
  'core.error.searchUnavailable': {},
  'core.error.newerLibrary': { version: 'number' },
  'core.error.jsonFile': { file: 'string', state: 'string', field: 'string' },
  'core.error.articleFileMissing': { file: 'string' },
  'core.error.sameId': {},
  'core.error.restoreBlocked': { id: 'string' },
  'core.error.coverNotPdf': {},
  'core.error.coverRefused': { why: 'string', kilobytes: 'number', width: 'number', height: 'number', max: 'number' },
  'core.error.invalidArguments': { method: 'string' },
  'core.error.indexNotSaved': {},
  'core.error.libraryNotOpened': {},
  'core.error.notQuireWindow': {},
  'core.error.serverGone': { detail: 'string' },
  'core.error.forwardFailed': {},
  'core.error.archiveUnreadable': {},
  'core.error.noFileAt': { file: 'string' },
  'core.error.fileUnreadable': { file: 'string' },
  // Refusals of the HTTP API of `quire serve` (browser mode).
  'core.serve.wrongHost': { address: 'string' },
  'core.serve.methodNotAllowed': {},
  'core.serve.noToken': {},
  'core.serve.otherSite': {},
  'core.serve.postOnly': {},
  'core.serve.notFound': {},
  'core.serve.noSuchMethod': { method: 'string' },
  'core.serve.failed': {},
  'core.serve.tooLarge': { method: 'string', megabytes: 'number' },
  'core.serve.cutShort': {},
  'core.serve.notJsonType': {},
  'core.serve.notJson': {},
  'core.serve.notArray': {},
  // Why an annotation of a W3C Web Annotation file was not imported.
  'core.annotations.itemUnreadable': { item: 'number', field: 'string' },
  'core.annotations.notQuire': { id: 'string' },
  'core.annotations.needsSelectors': { id: 'string' },
  'core.annotations.articleMissing': { id: 'string', article: 'string' },
  // A search query Quire cannot read.
  'core.query.tooManyTypos': { term: 'string', distance: 'number' },
  'core.query.weightWithoutNumber': { term: 'string' },
  'core.query.wildcardInside': { term: 'string' },
  'core.query.typoInside': { term: 'string' },
  'core.query.weightInside': { term: 'string' },
  'core.query.wildcardAlone': { term: 'string' },
  'core.query.typoAlone': { term: 'string' },
  'core.query.weightAlone': { term: 'string' },
  'core.query.prefixTooShort': { term: 'string', min: 'number' },
  'core.query.tooLong': { length: 'number', max: 'number' },
  'core.query.fieldEmpty': { field: 'string' },
  'core.query.quoteNeverClosed': {},
  'core.query.emptyQuotes': {},
  'core.query.strayQuote': {},
  'core.query.tooManyClauses': { count: 'number', max: 'number' },
  'core.query.operatorAlone': { operator: 'string' },
  'core.query.onlyExcludes': {},
  'core.query.noWord': {},
  // Moving the library or opening another one.
  'core.library.fullPath': {},
  'core.library.targetInside': {},
  'core.library.libraryInside': {},
  'core.library.notFolder': {},
  'core.library.alreadyLibrary': {},
  'core.library.notEmpty': {},
  'core.library.alreadyOpen': {},
  'core.library.folderMissing': {},
  'core.library.notLibrary': { manifest: 'string' },
  'core.library.noSpace': {},
  'core.library.notWritable': {},
  'core.library.copyFailed': { detail: 'string' },
  'core.library.changeFailed': {},
  'core.library.setByEnvironment': {},
  'core.library.moveRunning': {},
  // What the library check repaired (the English keeps the column `quire check` prints).
  'core.check.removedLeftover': { where: 'string' },
  'core.check.restoredSwap': { where: 'string' },
  'core.check.removedOldCopy': { where: 'string' },
  'core.check.replacedManifest': { where: 'string', kept: 'string' },
  'core.check.quarantined': { where: 'string', moved: 'string', cause: 'string', file: 'string', state: 'string', field: 'string' },
  'core.check.rebuiltText': { where: 'string', reanchored: 'number' },
  'core.check.sanitized': { where: 'string', reanchored: 'number' },
  'core.check.settled': { where: 'string', outcome: 'string', file: 'string', moved: 'string', state: 'string', field: 'string' },
  'core.check.joined': { where: 'string', whole: 'string', moved: 'number' },
  'core.check.cleaned': { where: 'string' },
  'core.check.dated': { where: 'string', date: 'string' },
  'core.check.rebuiltContent': { where: 'string' },
  'core.check.settingsBroken': { file: 'string' },
  'core.check.reindexed': { count: 'number' },
  'core.check.couldNotRepair': { where: 'string' },
  // What the library check found (`quire check` prints each after where it is; the start-up notice lists them).
  'core.check.problem.leftover': {},
  'core.check.problem.staging': {},
  'core.check.problem.setAside': {},
  'core.check.problem.oldCopy': {},
  'core.check.problem.manifestUnreadable': { file: 'string', state: 'string', field: 'string' },
  'core.check.problem.conflictCopy': { file: 'string' },
  'core.check.problem.orphanAnnotations': {},
  'core.check.problem.articleUnreadable': { state: 'string', field: 'string' },
  'core.check.problem.uncleanLabels': {},
  'core.check.problem.noText': {},
  'core.check.problem.contentMissing': {},
  'core.check.problem.textMissing': {},
  'core.check.problem.unsafeMarkup': {},
  'core.check.problem.textDiffers': {},
  'core.check.problem.splitPart': { twin: 'string' },
  'core.check.problem.emptyOriginal': { file: 'string' },
  'core.check.problem.badDates': {},
  'core.check.problem.annotationUnreadable': { file: 'string', state: 'string', field: 'string' },
  'core.check.problem.indexMissing': { count: 'number' },
  'core.check.problem.indexSegmentsLost': { segments: 'number', count: 'number' },
  'core.check.problem.indexStale': { count: 'number' },
  'core.check.problem.indexOrphans': { count: 'number' },
  'core.check.problem.indexUnavailable': {},
} as const satisfies Partial<Record<MessageId, Readonly<Record<string, ValueKind>>>>;

export type CoreSentenceId = keyof typeof CORE_SENTENCES;

type ValueOfKind<Kind> = Kind extends 'number' ? number : string;
export type CoreSentenceValues<Id extends CoreSentenceId> = {
  -readonly [Name in keyof (typeof CORE_SENTENCES)[Id]]: ValueOfKind<(typeof CORE_SENTENCES)[Id][Name]>;
};

/** A sentence as it travels: the catalog id and the values it fills in. */
export type CoreSentence = { [Id in CoreSentenceId]: { id: Id; values: CoreSentenceValues<Id> } }[CoreSentenceId];

/** A sentence and its values; sentences without values need only the id. */
export function say<Id extends CoreSentenceId>(
  id: Id,
  ...values: keyof CoreSentenceValues<Id> extends never ? [] : [CoreSentenceValues<Id>]
): CoreSentence {
  return { id, values: values[0] ?? {} } as CoreSentence;
}

/**
 * Whether this side knows the sentence: one from a newer core (an id this build's catalogs lack)
 * is shown in the English the core sent with it.
 */
export const isKnownSentence = (sentence: unknown): sentence is CoreSentence =>
  typeof sentence === 'object' &&
  sentence !== null &&
  typeof (sentence as { id?: unknown }).id === 'string' &&
  Object.hasOwn(CORE_SENTENCES, (sentence as { id: string }).id) &&
  typeof (sentence as { values?: unknown }).values === 'object' &&
  (sentence as { values?: unknown }).values !== null;

/** Why an import failed, as an outcome carries it: the reason in English and as a sentence. */
export interface FailureReason {
  reason: string;
  sentence?: CoreSentence;
}

/** Only the reason of something that carries one (an extract result, an outcome), to put in another. */
export const reasonOnly = ({ reason, sentence }: FailureReason): FailureReason => (sentence === undefined ? { reason } : { reason, sentence });

/** What the reader should know about something that came in (a book with almost no text): in English and as a sentence. */
export interface ImportNote {
  note?: string;
  noteSentence?: CoreSentence;
}

/** Only the note of something that carries one (a document, an outcome), to put in another. */
export const noteOf = ({ note, noteSentence }: ImportNote): ImportNote => ({
  ...(note === undefined || note === '' ? {} : { note }),
  ...(noteSentence === undefined ? {} : { noteSentence }),
});
