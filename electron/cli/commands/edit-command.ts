/**
 * `quire edit ID --title T --author A --tags "one, two"`: an article's title, author or tags (the
 * whole list) by hand; the search index follows. Bad input is refused in the core's sentence.
 */
import type { Command } from 'commander';
import type { ArticleEdit } from '../../shared/models';
import { CliError, unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';

interface EditOptions {
  title?: string;
  author?: string;
  tags?: string;
}

export function registerEditCommand(program: Command, context: CommandContext): void {
  program
    .command('edit')
    .description("change an article's title, author or tags (--tags replaces them all; --author '' removes the author)")
    .argument('<id>', 'article id')
    .option('--title <title>', 'the new title')
    .option('--author <author>', 'the new author')
    .option('--tags <tags>', 'every tag the article should have, separated by commas')
    .action((id: string, options: EditOptions) =>
      context.withWriteApi(async (api) => {
        const edit: ArticleEdit = {
          ...(options.title !== undefined ? { title: options.title } : {}),
          ...(options.author !== undefined ? { byline: options.author } : {}),
          ...(options.tags !== undefined ? { tags: options.tags.split(',') } : {}),
        };
        if (Object.keys(edit).length === 0) throw new CliError('Give --title, --author or --tags.', 2);
        const article = unwrap(await api.editArticle(checkedId(id), edit));
        const by = article.byline ? `  by ${article.byline}` : '';
        context.out(`edited    ${article.id}  ${article.title}${by}  [${article.tags.join(', ')}]`);
      }, { only: [id] }),
    );
}
