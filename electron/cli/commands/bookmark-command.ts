/**
 * `quire bookmark ID --quote TEXT`: bookmarks the passage the quote finds, with an optional note
 * and colour.
 */
import { Option, type Command } from 'commander';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../shared/models';
import { unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';
import { quoteExcerpt } from '../format';

export function registerBookmarkCommand(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('bookmark')
    .description('bookmark the passage of an article that matches --quote')
    .argument('<id>', 'article id')
    .requiredOption('--quote <text>', 'the passage, as it appears in the text')
    .option('--note <text>', 'a note (Markdown)')
    .addOption(new Option('--color <name>', 'highlight colour').choices(HIGHLIGHT_COLORS))
    .action((id: string, options: { quote: string; note?: string; color?: HighlightColor }) =>
      context.withWriteApi(async (api) => {
        const annotation = unwrap(
          await api.createAnnotation({
            articleId: checkedId(id),
            kind: 'bookmark',
            passage: { quote: options.quote },
            ...(options.note !== undefined ? { note: options.note } : {}),
            ...(options.color ? { color: options.color } : {}),
          }),
        );
        out(`bookmarked ${annotation.id}  ${quoteExcerpt(annotation)}`);
      }, { only: [id] }),
    );
}
