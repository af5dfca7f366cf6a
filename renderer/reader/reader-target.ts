import type { SearchHit } from '../../electron/shared/models';

/** Where the reader opens when it comes from a search result. */
export type ReaderTarget = Pick<SearchHit, 'passage' | 'terms' | 'annotationId'>;
