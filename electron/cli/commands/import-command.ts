/**
 * `quire import PATH…`: files or folders into the library, with progress on stderr, one line per file
 * and a summary; `--replace ID FILE` gives an article new text and re-anchors its passages. While
 * the app or `quire serve` has the library open, both are sent to it and done there (progress too).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';
import { importLine, importSummaryLine, replaceLines, skippedByExtension } from '../format';
import { showImportProgress } from '../import-progress';

export function registerImportCommand(program: Command, context: CommandContext): void {
  const { out, err } = context;

  program
    .command('import')
    .description('import files or folders (recursive); shows progress, then one line per file and a summary')
    .argument('<paths...>', 'files or folders')
    .option('--replace <id>', "new text for that article from one file; its bookmarks and notes are re-anchored")
    .action((paths: string[], options: { replace?: string }) =>
      context.withWriteApi(async (api, events) => {
        if (options.replace !== undefined) {
          if (paths.length !== 1) throw new CliError('--replace takes exactly one file: quire import --replace ID FILE.', 2);
          const outcome = unwrap(await api.replaceArticleText(checkedId(options.replace), path.resolve(paths[0]!)));
          out(replaceLines(outcome));
          return;
        }
        const stopProgress = showImportProgress(events, { write: context.deps.stderr, terminal: context.deps.terminal ?? false });
        let outcomes;
        try {
          outcomes = unwrap(await api.importPaths(paths.map((p) => path.resolve(p))));
        } finally {
          stopProgress();
        }
        if (outcomes.length === 0) throw new CliError(`Nothing to import: no files found in ${paths.join(', ')}.`);
        if (outcomes.every((outcome) => outcome.status === 'skipped')) {
          throw new CliError(`Nothing to import: no documents in ${paths.join(', ')} (only ${skippedByExtension(outcomes)}).`);
        }
        for (const outcome of outcomes) {
          if (outcome.status === 'skipped') continue; // summed up in the last line
          if (outcome.status === 'failed') {
            err(importLine(outcome));
            context.fail(1);
          } else {
            out(importLine(outcome));
          }
        }
        if (outcomes.length > 1) out(importSummaryLine(outcomes));
      }, { indexed: true, imports: true }),
    );
}
