/**
 * `quire delete ID`, `quire restore ID` and `quire empty-trash`: the trash, from the command line.
 */
import type { Command } from 'commander';
import { unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';

export function registerTrashCommands(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('delete')
    .description('move an article to the trash (restorable)')
    .argument('<id>', 'article id')
    .action((id: string) =>
      context.withWriteApi(async (api) => {
        const article = unwrap(await api.getArticle(checkedId(id)));
        unwrap(await api.deleteArticle(id));
        out(`deleted   ${article.id}  ${article.title} (restore with: quire restore ${article.id})`);
      }, { indexed: true }),
    );

  program
    .command('restore')
    .description('bring an article back from the trash')
    .argument('<id>', 'article id')
    .action((id: string) =>
      context.withWriteApi(async (api) => {
        const article = unwrap(await api.restoreArticle(checkedId(id)));
        out(`restored  ${article.id}  ${article.title}`);
      }, { indexed: true }),
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
