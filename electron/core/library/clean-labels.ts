/**
 * An article's title and tags as the label rules want them (validators.ts): no bidi controls,
 * zero-width characters or lone surrogates, each tag valid and once. For what comes from outside
 * (an archive) and for article.json files an older Quire wrote (`quire check`).
 */
import type { ArticleMeta } from '../../shared/models';
import { cleanLabel, tagSchema } from '../../shared/validators';

export function withCleanLabels(meta: ArticleMeta): ArticleMeta {
  const tags = meta.tags.flatMap((tag) => {
    const checked = tagSchema.safeParse(tag);
    return checked.success ? [checked.data] : [];
  });
  return { ...meta, title: cleanLabel(meta.title).trim() || 'Untitled', tags: [...new Set(tags)] };
}

/** Whether the rules would change the title or tags. */
export const hasUncleanLabels = (meta: ArticleMeta): boolean => {
  const clean = withCleanLabels(meta);
  return clean.title !== meta.title || clean.tags.length !== meta.tags.length || clean.tags.some((tag, i) => tag !== meta.tags[i]);
};
