/**
 * `quire annotations ID`: an article's bookmarks and notes, as lines or JSON.
 */
import type { Command } from 'commander';
import { unwrap } from '../cli-error';
import { checkedId, json } from '../command-args';
import type { CommandContext } from '../command-context';
import { annotationLines } from '../format';

export function registerAnnotationsCommand(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('annotations')
    .description("list an article's bookmarks and notes")
    .argument('<id>', 'article id')
    .option('--json', 'print JSON')
    .action((id: string, options: { json?: boolean }) =>
      context.withApi(async (api) => {
        const annotations = unwrap(await api.listAnnotations(checkedId(id)));
        if (options.json) out(json(annotations));
        else if (annotations.length === 0) out('No bookmarks or notes.');
        else for (const annotation of annotations) out(annotationLines(annotation));
      }, { only: [id] }),
    );
}
