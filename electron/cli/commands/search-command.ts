/**
 * `quire search QUERY`: articles, bookmarks and notes, best first, with the search filters and
 * `--explain` (options parsed in search-options.ts).
 */
import type { Command } from 'commander';
import { json, parseCount } from '../command-args';
import type { CommandContext } from '../command-context';
import { searchTotalsLabel } from '../../shared/search-totals';
import { searchHitLines } from '../format';
import { collect, collectFormat, explanationLines, parseDay, parseSort, searchOptionsOf, type SearchCommandOptions } from '../search-options';

export function registerSearchCommand(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('search')
    .description('search articles, bookmarks and notes; best first')
    .argument('<query>', 'words, "exact phrases", +must, -mustnot, field:term, pre*, fuzzy~1')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many results', parseCount('--limit', 1, 1000))
    .option('--tag <tag>', 'only articles with this tag (repeat for several)', collect)
    .option('--format <format>', 'only articles of this format: txt, md, html, epub, pdf (repeatable)', collectFormat)
    .option('--lang <code>', 'only articles in this language, e.g. en, fr (repeatable)', collect)
    .option('--from <date>', 'only articles dated on or after YYYY-MM-DD', parseDay('--from'))
    .option('--to <date>', 'only articles dated on or before YYYY-MM-DD', parseDay('--to'))
    .option('--sort <order>', 'relevance (default) or date, newest first', parseSort)
    .option('--explain', 'show why each hit matched and how its score adds up')
    .action(async (query: string, options: SearchCommandOptions) => {
      const { hits, totals } = await context.search(query, searchOptionsOf(options));
      if (options.json) {
        out(
          json(
            hits.map(({ articleId, title, kind, score, snippet, explanation }) =>
              explanation ? { articleId, title, kind, score, snippet, explanation } : { articleId, title, kind, score, snippet },
            ),
          ),
        );
      } else if (hits.length === 0) {
        out(`No results for ${JSON.stringify(query)}.`);
      } else {
        // What the query found in all, then the best `--limit` of it.
        const shown = new Set(hits.map((hit) => hit.articleId)).size;
        out(`${searchTotalsLabel(totals)}${shown < totals.articles || !totals.articlesExact ? ` · showing ${shown}` : ''}\n`);
        for (const hit of hits) {
          out(searchHitLines(hit, context.deps.color));
          if (options.explain) out(explanationLines(hit));
        }
      }
    });
}
