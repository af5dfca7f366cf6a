/**
 * `quire mark read|unread ID…`: marks articles read (finished) or unread by hand; unread starts
 * an article over from its beginning.
 */
import { Argument, type Command } from 'commander';
import type { MarkedReadState } from '../../shared/models';
import { unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';

/** The words a person types, and the reading state each one sets. */
const MARKS: Readonly<Record<string, MarkedReadState>> = { read: 'finished', unread: 'unread' };

export function registerMarkCommand(program: Command, context: CommandContext): void {
  program
    .command('mark')
    .description('mark articles read or unread (unread starts an article over from the beginning)')
    .addArgument(new Argument('<state>', 'read or unread').choices(Object.keys(MARKS)))
    .argument('<ids...>', 'one or more article ids')
    .action((state: string, ids: string[]) =>
      context.withWriteApi(async (api) => {
        const articles = unwrap(await api.setReadState(ids.map(checkedId), MARKS[state]!));
        for (const article of articles) context.out(`${state.padEnd(8)}  ${article.id}  ${article.title}`);
      }, { only: ids }),
    );
}
