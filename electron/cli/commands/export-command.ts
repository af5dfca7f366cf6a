/**
 * `quire export`: bookmarks and notes as Markdown or W3C Web Annotation JSON, one article's (printed
 * or written into `--out`) or every annotated article's (`--all --out DIR`).
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ANNOTATION_EXPORT_FORMATS, type AnnotationExportFormat } from '../../shared/models';
import { CliError, unwrap } from '../cli-error';
import { checkedId } from '../command-args';
import type { CommandContext } from '../command-context';
import { writeExportFiles } from '../export-files';

export function registerExportCommand(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('export')
    .description(
      "export bookmarks and notes as Markdown or W3C Web Annotation JSON: one article's (printed, or written into --out), or every annotated article's (--all --out DIR, one file each)",
    )
    .argument('[id]', 'article id')
    .addOption(new Option('--format <format>', 'output format').choices(ANNOTATION_EXPORT_FORMATS).makeOptionMandatory())
    .option('--all', 'every article that has bookmarks or notes')
    .option('--out <dir>', 'write files into this folder (created if missing)')
    .action((id: string | undefined, options: { format: AnnotationExportFormat; all?: boolean; out?: string }) =>
      context.withApi(async (api) => {
        if (options.all && id !== undefined) throw new CliError('Give an article id or --all, not both.', 2);
        if (!options.all && id === undefined) throw new CliError('Give an article id, or --all with --out DIR.', 2);
        if (options.all && !options.out) throw new CliError('--all writes one file per article: give the folder with --out DIR.', 2);
        const ids = options.all
          ? [...new Set(unwrap(await api.listAllAnnotations()).map((a) => a.articleId))]
          : [checkedId(id!)];
        const files = [];
        for (const articleId of ids) files.push(unwrap(await api.exportAnnotations(articleId, options.format)));
        if (!options.out) {
          out(files[0]!.text.trimEnd());
          return;
        }
        const written = await writeExportFiles(path.resolve(options.out), files);
        out(`exported  ${written.length} ${written.length === 1 ? 'file' : 'files'} to ${path.resolve(options.out)}`);
        // One article's file needs that article alone, not the whole library read.
      }, id !== undefined && !options.all ? { only: [id] } : {}),
    );
}
