/**
 * The core's entry point for every host: opens (or creates) a library folder and returns the
 * `ReaderService` over it.
 */
import type { ReaderService } from '../shared/contract';
import type { KeyValueStore } from './settings/key-value-store';

export interface OpenQuireOptions {
  /** the library folder (created with the sample articles if it does not exist) */
  libraryDir: string;
  /** where caches live (the search index); not inside the library */
  cacheDir: string;
  settings: KeyValueStore;
  /** folder of documents imported into a brand-new library (resources/sample-library) */
  sampleLibraryDir?: string;
  /** where unexpected errors go (a logger); defaults to stderr */
  log?: (message: string, error?: unknown) => void;
}

export interface QuireCore extends ReaderService {
  readonly libraryDir: string;
  /** Flushes the index and stops the search worker. */
  close(): Promise<void>;
}

export declare function openQuire(options: OpenQuireOptions): Promise<QuireCore>;
