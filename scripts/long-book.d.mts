/** The corpus's Moby-Dick EPUB. */
export const MOBY_DICK_EPUB: string;
/** An EPUB of Moby-Dick with its spine repeated `copies` times (5: about 1,080,000 words). */
export function longBookEpub(options?: { copies?: number; source?: string; title?: string }): Promise<Buffer>;
