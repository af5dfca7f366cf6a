/**
 * The picture of a PDF's first page that the page draws and the core stores as the article's
 * cover: its bounds, written once for the page that draws it and the core that checks it.
 */

/** Largest stored picture: a card is at most a few hundred pixels wide. */
export const MAX_FIRST_PAGE_COVER_BYTES = 512 * 1024;

/** The page is drawn this many CSS pixels wide (twice a card's width, for sharp high-density screens). */
export const FIRST_PAGE_COVER_WIDTH = 360;

/** Largest side the core accepts, in pixels (a tall, narrow page may be higher than wide). */
export const MAX_FIRST_PAGE_COVER_SIDE = 1600;
