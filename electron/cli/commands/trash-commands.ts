/**
 * `quire delete ID…`, `quire restore ID…` and `quire empty-trash`: the trash, from the command line.
 */
import type { Command } from 'commander';
import { unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';

export function registerTrashCommands(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('delete')
    .description('move articles to the trash (restorable); an unknown id moves none')
    .argument('<ids...>', 'one or more article ids')
    .action((ids: string[]) =>
      context.withWriteApi(async (api) => {
        const articles = [];
        for (const id of ids) articles.push(unwrap(await api.getArticle(checkedId(id))));
        unwrap(await api.deleteArticles(ids));
        for (const article of articles) out(`deleted   ${article.id}  ${article.title} (restore with: quire restore ${article.id})`);
      }, { only: ids }),
    );

  program
    .command('restore')
    .description('bring articles back from the trash; an id not in the trash brings none back')
    .argument('<ids...>', 'one or more article ids')
    .action((ids: string[]) =>
      context.withWriteApi(async (api) => {
        for (const article of unwrap(await api.restoreArticles(ids.map(checkedId)))) out(`restored  ${article.id}  ${article.title}`);
      }, { only: ids }),
    );

  program
    .command('empty-trash')
    .description('delete every article in the trash for good')
    .action(() =>
      context.withWriteApi(async (api) => {
        const { removed } = unwrap(await api.emptyTrash());
        out(removed === 0 ? 'The trash was already empty.' : `Deleted ${removed === 1 ? '1 article' : `${removed} articles`} for good.`);
      }),
    );
}
