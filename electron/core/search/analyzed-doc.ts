/** A document reduced to what the index needs: per field, its length and term counts. */
import type { IndexField } from './search-fields';
import type { AnalyzedField } from './text-pipeline';

export type AnalyzedDoc = Record<IndexField, AnalyzedField>;
