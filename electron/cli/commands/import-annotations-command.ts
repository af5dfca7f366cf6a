/**
 * `quire import-annotations FILE…`: restores bookmarks and notes from W3C Web Annotation exports;
 * what cannot be restored is listed, and the exit code is 1.
 */
import type { Command } from 'commander';
import { unwrap } from '../cli-error';
import type { CommandContext } from '../command-context';
import { readExportFile } from '../export-files';
import { annotationImportLine } from '../format';

export function registerImportAnnotationsCommand(program: Command, context: CommandContext): void {
  const { out, err } = context;

  program
    .command('import-annotations')
    .description('restore bookmarks and notes from a W3C Web Annotation file (as export --format w3c writes)')
    .argument('<files...>', 'JSON files')
    .action((files: string[]) =>
      context.withWriteApi(async (api) => {
        for (const file of files) {
          const summary = unwrap(await api.importAnnotations(await readExportFile(file)));
          out(annotationImportLine(file, summary));
          for (const reason of summary.skipped) err(`skipped   ${reason}`);
          if (summary.skipped.length > 0) context.fail(1);
        }
      }, { indexed: true }),
    );
}
