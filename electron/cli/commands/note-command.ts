/**
 * `quire note ID TEXT`: a note on a whole article.
 */
import type { Command } from 'commander';
import { unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';

export function registerNoteCommand(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('note')
    .description('write a note on a whole article')
    .argument('<id>', 'article id')
    .argument('<text>', 'the note (Markdown)')
    .action((id: string, text: string) =>
      context.withWriteApi(async (api) => {
        const annotation = unwrap(await api.createAnnotation({ articleId: checkedId(id), kind: 'note', note: text }));
        out(`noted      ${annotation.id}`);
      }, { only: [id] }),
    );
}
