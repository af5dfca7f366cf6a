/** A bookmark's dates as Quire writes them: ISO 8601, real days (what an archive or an older Quire left may not be). */
import type { Annotation } from '../../shared/models';
import { isoDateTimeSchema } from '../../shared/validators';

export const hasIsoDates = (annotation: Annotation): boolean =>
  isoDateTimeSchema.safeParse(annotation.createdAt).success && isoDateTimeSchema.safeParse(annotation.updatedAt).success;

/** Each date that is not ISO 8601 replaced by `now` (the others kept). */
export const withIsoDates = (annotation: Annotation, now: string): Annotation => ({
  ...annotation,
  createdAt: isoDateTimeSchema.safeParse(annotation.createdAt).success ? annotation.createdAt : now,
  updatedAt: isoDateTimeSchema.safeParse(annotation.updatedAt).success ? annotation.updatedAt : now,
});
