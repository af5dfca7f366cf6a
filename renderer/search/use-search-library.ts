/**
 * The filter choices of the search panel: the tags, formats and languages the library holds (as
 * the library toolbar offers them). They come from `listFacets`, a few kilobytes, through the
 * query cache: asked when the panel first opens, and again after an import, a tag or another
 * process's change (query-keys.ts), also while the panel stays open.
 * Each result's date and format travel on the hits themselves, so the panel never needs the whole
 * article list (megabytes in a large library).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArticleFormat, LibraryFacets } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { queryKeys } from '../api/query-keys';

export interface SearchChoices {
  tags: string[];
  langs: string[];
  formats: ArticleFormat[];
}

export interface SearchLibrary {
  choices: SearchChoices;
}

/** The core accepts two- or three-letter language codes only; anything else cannot be a filter. */
const LANGUAGE_CODE = /^[a-z]{2,3}$/;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const NO_FACETS: LibraryFacets = { tags: [], formats: [], languages: [] };

/** The choices in the order the library toolbar shows them: tags as a reader sorts words, codes plainly. */
export function searchChoices(facets: LibraryFacets): SearchChoices {
  return {
    tags: facets.tags.map((facet) => facet.value).sort(collator.compare),
    langs: facets.languages
      .map((facet) => facet.value)
      .filter((lang) => LANGUAGE_CODE.test(lang))
      .sort(),
    formats: facets.formats.map((facet) => facet.value).sort(),
  };
}

export function useSearchLibrary(open: boolean): SearchLibrary {
  const api = useApi();
  // Without them the filters offer nothing to choose but search still works: no error shown.
  const { data: facets = NO_FACETS } = useQuery({
    queryKey: queryKeys.facets,
    queryFn: () => answerOf(api.listFacets()),
    enabled: open,
  });
  return useMemo(() => ({ choices: searchChoices(facets) }), [facets]);
}
