/**
 * `quire show ID`: an article's details, its text (`--text`) or its metadata as JSON.
 */
import { Option, type Command } from 'commander';
import { unwrap } from '../cli-error';
import { checkedId, json } from '../command-args';
import type { CommandContext } from '../command-context';
import { articleDetails } from '../format';

export function registerShowCommand(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('show')
    .description("show an article's details, its text (--text) or its metadata as JSON (--json)")
    .argument('<id>', 'article id')
    .addOption(new Option('--text', 'print the article text').conflicts('json'))
    .option('--json', 'print the metadata as JSON')
    .action((id: string, options: { text?: boolean; json?: boolean }) =>
      context.withApi(async (api) => {
        checkedId(id);
        if (options.text) {
          const content = unwrap(await api.getContent(id));
          out(content.text);
          return;
        }
        const article = unwrap(await api.getArticle(id));
        out(options.json ? json(article) : articleDetails(article));
      }, { only: [id] }),
    );
}
