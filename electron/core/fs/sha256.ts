/**
 * SHA-256 of a text (as UTF-8) or bytes, in hex. Node's one-shot `hash` is several times faster
 * than a `createHash` object for the short inputs hashed thousands of times at open (an article's
 * index fingerprint), with the same digest.
 */
import { hash } from 'node:crypto';

export const sha256Hex = (data: string | Uint8Array): string => hash('sha256', data, 'hex');
