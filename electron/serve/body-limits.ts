/**
 * How large the body of each API method may be. One limit for all (300 MB, what an upload needs)
 * let a `search` body of 300 MB be read into memory, and the server kept the memory afterwards.
 * So only the methods that carry a file get a large limit; everything else fits in 1 MB with
 * room to spare. Each limit follows from the argument limits in electron/shared/validators.ts,
 * as encoded in JSON (UTF-8, up to 3 bytes a character; escapes for quotes and line breaks).
 */
import type { ReaderMethod } from '../shared/contract';

const MB = 1024 * 1024;

/** A query, an id, a settings patch, an address: a few KB at most. */
export const DEFAULT_BODY_LIMIT = 1 * MB;

const BODY_LIMITS: Partial<Record<ReaderMethod, number>> = {
  // A file of up to 200 MB as base64 (267 MB) and its name.
  importDocument: 300 * MB,
  // An annotation file of up to 50 million characters.
  importAnnotations: 160 * MB,
  // A note, a quote and its context of up to 100,000 characters each.
  createAnnotation: 4 * MB,
  updateAnnotation: 4 * MB,
  restoreAnnotation: 4 * MB,
  // Up to 100,000 paths or article ids at once (a whole folder tree, a whole library).
  importPaths: 64 * MB,
  startImport: 64 * MB,
  tagArticles: 16 * MB,
  untagArticles: 16 * MB,
};

export const bodyLimit = (method: ReaderMethod): number => BODY_LIMITS[method] ?? DEFAULT_BODY_LIMIT;

/** A limit in whole megabytes, as the refusal names it ("300 MB"). */
export const limitMegabytes = (bytes: number): number => Math.round(bytes / MB);
