/**
 * What the desktop shell asks of the page (main → renderer): menu items, the reader's context
 * menu, files opened with Quire and `quire://` links. A closed union on one channel, so the preload
 * can refuse anything else and the page handles a known, small set. Only the Electron host sends
 * commands; browser mode has its own buttons and shortcuts.
 */
import type { CoreSentence } from './i18n/core-sentences';

export interface TextRange {
  start: number;
  end: number;
}

export type AppCommand =
  /** pick files / a folder with the native dialog, then import them as a background job */
  | { type: 'import-files' }
  | { type: 'import-folder' }
  /** ask for a web address to download */
  | { type: 'import-url' }
  /** put the cursor in the library search, with `query` typed in when given */
  | { type: 'search'; query?: string }
  | { type: 'preferences' }
  /** the reader's context menu, on the passage selected now */
  | { type: 'bookmark-selection' }
  | { type: 'add-note' }
  /** files opened with Quire (command line, second launch, macOS open-file): import, then read the first */
  | { type: 'open-files'; paths: string[] }
  /** a `quire://` link: the article, at a passage (offsets into text.txt) or at an annotation */
  | { type: 'open-article'; articleId: string; passage: TextRange | null; annotationId: string | null };

export type AppCommandType = AppCommand['type'];

/** The one IPC channel commands travel on (main → renderer). */
export const COMMAND_CHANNEL = 'quire-command';
/** The page says it listens (renderer → main): commands sent before that wait in main. */
export const COMMANDS_READY_CHANNEL = 'quire-command:ready';
/** The native open dialog (renderer → main, invoke): resolves to the chosen paths, [] when cancelled. */
export const CHOOSE_IMPORT_CHANNEL = 'quire-desktop:choose-import';

/**
 * Before the window closes or the app quits, main asks the page to save what it still holds (a
 * note being typed) and waits, with a time limit, for the answer: request main → renderer with a
 * number, done renderer → main with the same number.
 */
export const FLUSH_REQUEST_CHANNEL = 'quire-desktop:flush';
export const FLUSH_DONE_CHANNEL = 'quire-desktop:flushed';

/** Preferences' library folder (renderer → main, invoke): where it is, and moving or switching it. */
export const LIBRARY_FOLDER_CHANNEL = 'quire-desktop:library-folder';
export const CHANGE_LIBRARY_FOLDER_CHANNEL = 'quire-desktop:change-library-folder';

/** `move`: copy the library to a new folder and use it there; `open`: use a library another machine made. */
export type LibraryFolderChange = 'move' | 'open';
export const isLibraryFolderChange = (value: unknown): value is LibraryFolderChange => value === 'move' || value === 'open';

export type LibraryFolderOutcome =
  | { status: 'cancelled' }
  /** nothing changed; `reason` says why, for the person (in English; `sentence`, in the interface language) */
  | { status: 'refused'; reason: string; sentence: CoreSentence }
  /** Quire restarts on the library at `libraryDir` */
  | { status: 'restarting'; libraryDir: string };

export type ImportPickKind = 'files' | 'folder';
export const isImportPickKind = (value: unknown): value is ImportPickKind => value === 'files' || value === 'folder';

/** What the Electron preload adds to `window.quire` besides the contract. */
export interface DesktopBridge {
  /** Subscribes to the shell's commands; the function returned unsubscribes. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** The native open dialog for import; the chosen paths, or [] when cancelled. */
  chooseImportPaths(kind: ImportPickKind): Promise<string[]>;
  /**
   * What saves the page's pending writes when the window closes or the app quits; main waits for
   * it (a bounded time). The last one set counts.
   */
  onFlushRequest(flush: () => Promise<void>): void;
  /** The folder of the library Quire has open. */
  libraryFolder(): Promise<string>;
  /** Asks for a folder (native dialog), then moves the library there or switches to the library in it. */
  changeLibraryFolder(change: LibraryFolderChange): Promise<LibraryFolderOutcome>;
}

/** The outcome main sent, checked by the preload like every message from main. */
export function isLibraryFolderOutcome(value: unknown): value is LibraryFolderOutcome {
  if (!isRecord(value)) return false;
  if (value.status === 'cancelled') return true;
  if (value.status === 'refused') return isNonEmptyString(value.reason);
  return value.status === 'restarting' && isNonEmptyString(value.libraryDir);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isOffset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isTextRange(value: unknown): value is TextRange {
  return isRecord(value) && isOffset(value.start) && isOffset(value.end) && value.start <= value.end;
}

/**
 * True for a well-formed command. The preload checks every message against it, so even a bug in
 * main cannot hand the page something it does not expect.
 */
export function isAppCommand(value: unknown): value is AppCommand {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type as AppCommandType) {
    case 'import-files':
    case 'import-folder':
    case 'import-url':
    case 'preferences':
    case 'bookmark-selection':
    case 'add-note':
      return true;
    case 'search':
      return value.query === undefined || typeof value.query === 'string';
    case 'open-files':
      return Array.isArray(value.paths) && value.paths.length > 0 && value.paths.every(isNonEmptyString);
    case 'open-article':
      return (
        isNonEmptyString(value.articleId) &&
        (value.passage === null || isTextRange(value.passage)) &&
        (value.annotationId === null || isNonEmptyString(value.annotationId))
      );
    default:
      return false;
  }
}
