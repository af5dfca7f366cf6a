/**
 * `quire tag ID TAG…` and `quire untag ID TAG…`: an article's tags (compared without regard to case).
 * The two differ only in the contract method they call and the word they print.
 */
import type { Command } from 'commander';
import { unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';

const TAG_COMMANDS = [
  { name: 'tag', description: 'add tags to an article', method: 'tagArticles', done: 'tagged  ' },
  { name: 'untag', description: 'remove tags from an article', method: 'untagArticles', done: 'untagged' },
] as const;

export function registerTagCommands(program: Command, context: CommandContext): void {
  for (const { name, description, method, done } of TAG_COMMANDS) {
    program
      .command(name)
      .description(description)
      .argument('<id>', 'article id')
      .argument('<tags...>', 'one or more tags')
      .action((id: string, tags: string[]) =>
        context.withWriteApi(async (api) => {
          const [article] = unwrap(await api[method]([checkedId(id)], tags));
          context.out(`${done}  ${article!.id}  ${article!.title}  [${article!.tags.join(', ')}]`);
        }, { only: [id] }),
      );
  }
}
