/**
 * The `quire` command line: the third host of the contract. Every command opens the core on the
 * library `--library` names, calls the contract through the same `dispatch` wrapper as the other
 * hosts, and closes the core (flushing the index) before it returns.
 */
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ReaderApi } from '../shared/contract';
import { createDirectApi } from '../shared/dispatch';
import {
  ARTICLE_SORTS,
  HIGHLIGHT_COLORS,
  type AnnotationExportFormat,
  type ArticleFormat,
  type ArticleQuery,
  type ArticleSort,
  type HighlightColor,
  type ReadState,
} from '../shared/models';
import { isQuireError } from '../shared/result';
import { idSchema } from '../shared/validators';
import type { QuireCore } from '../core/open-quire';
import { readExportFile, writeExportFiles } from './export-files';
import { createQuireServer } from '../serve/server';
import { CliError, unwrap } from './cli-error';
import { registerArchiveCommands } from './archive-commands';
import { registerCheckCommand } from './check-command';
import type { CommandContext } from './command-context';
import { isLibraryLocked } from '../core/library/library-locks';
import { connectForwardedWrites } from '../core/library/write-forwarding';
import { refuseWhileHeld } from './library-busy';
import { locateCliLibrary } from './open-core';
import { showImportProgress } from './import-progress';
import { collect, collectFormat, explanationLines, parseDay, parseSort, searchOptionsOf, type SearchCommandOptions } from './search-options';
import {
  annotationImportLine,
  annotationLines,
  articleDetails,
  articleLine,
  importLine,
  importSummaryLine,
  skippedByExtension,
  quoteExcerpt,
  replaceLines,
  searchHitLines,
} from './format';

export const DEFAULT_PORT = 4310;

export interface CliDeps {
  stdout(text: string): void;
  stderr(text: string): void;
  /** bold search matches on a terminal */
  color: boolean;
  /** stderr is a terminal: progress is redrawn in place there */
  terminal?: boolean;
  env: NodeJS.ProcessEnv;
  openCore(libraryFlag: string | undefined, options?: { maintenance?: boolean }): Promise<QuireCore>;
  /** the library and its index folder without opening them (`quire check`); defaults to the CLI's own */
  locateLibrary?(libraryFlag: string | undefined): { libraryDir: string; indexDir: string };
  /** where `serve` finds the React build */
  rendererDir: string;
  /** resolves when `serve` should stop (SIGINT/SIGTERM) */
  waitForStop(): Promise<void>;
  log(message: string, error?: unknown): void;
}

const parseCount = (name: string, min: number, max: number) => (value: string): number => {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return number;
};

function portFromEnv(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new CliError(`QUIRE_PORT must be a port number, not "${value}".`);
  return port;
}

/** An id that cannot be valid names no article; say so instead of quoting the validator. */
function checkedId(id: string): string {
  if (!idSchema.safeParse(id).success) throw new CliError(`No article has the id "${id}".`);
  return id;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

interface ListOptions {
  json?: boolean;
  tag?: string;
  state?: ReadState;
  format?: ArticleFormat;
  lang?: string;
  sort?: ArticleSort;
}

/** Runs one command line; resolves to the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  let exitCode = 0;
  const out = (text: string): void => deps.stdout(`${text}\n`);
  const err = (text: string): void => deps.stderr(`${text}\n`);

  const program = new Command('quire')
    .description('Quire, an offline reader: import, list, search, bookmark and annotate your library.')
    .option('--library <dir>', "the library folder (default: $QUIRE_LIBRARY, then the desktop app's library)")
    .exitOverride()
    .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
    .showSuggestionAfterError();

  /**
   * Opens the core, runs one command and closes the core (flushing the index). Commands that
   * change the library or search it first wait until the index holds every change; commands that
   * change it (`writes`) refuse while the app or `quire serve` has the library open.
   */
  async function withApi<T>(
    run: (api: ReaderApi, core: QuireCore) => Promise<T>,
    { indexed = false, maintenance = false, writes = false }: { indexed?: boolean; maintenance?: boolean; writes?: boolean } = {},
  ): Promise<T> {
    const libraryFlag = program.opts<{ library?: string }>().library;
    if (writes) await refuseWhileHeld(context.locate().libraryDir);
    const core = await (maintenance ? deps.openCore(libraryFlag, { maintenance }) : deps.openCore(libraryFlag));
    try {
      const api = createDirectApi(core, (error) => deps.log('A command failed unexpectedly.', error));
      if (!indexed) return await run(api, core);
      await core.whenIndexed();
      const result = await run(api, core);
      await core.whenIndexed();
      return result;
    } finally {
      await core.close();
    }
  }

  /**
   * A command that changes the library through the API alone. While the app or `quire serve` has
   * the library open, it is sent to that process, the library's one writer (write-forwarding.ts);
   * when that process does not answer, the command is refused in one sentence.
   */
  async function withWriteApi<T>(run: (api: ReaderApi) => Promise<T>, { indexed = false }: { indexed?: boolean } = {}): Promise<T> {
    const { libraryDir } = context.locate();
    if (await isLibraryLocked(libraryDir)) {
      const forwarded = await connectForwardedWrites(libraryDir);
      if (forwarded !== null) {
        try {
          return await run(forwarded.api);
        } finally {
          forwarded.close();
        }
      }
    }
    return withApi(run, { indexed, writes: true });
  }

  program
    .command('import')
    .description('import files or folders (recursive); shows progress, then one line per file and a summary')
    .argument('<paths...>', 'files or folders')
    .option('--replace <id>', "new text for that article from one file; its bookmarks and notes are re-anchored")
    .action((paths: string[], options: { replace?: string }) =>
      withApi(async (api, core) => {
        if (options.replace !== undefined) {
          if (paths.length !== 1) throw new CliError('--replace takes exactly one file: quire import --replace ID FILE.', 2);
          const outcome = unwrap(await api.replaceArticleText(checkedId(options.replace), path.resolve(paths[0]!)));
          out(replaceLines(outcome));
          return;
        }
        const stopProgress = showImportProgress(core.events, { write: deps.stderr, terminal: deps.terminal ?? false });
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
            exitCode = 1;
          } else {
            out(importLine(outcome));
          }
        }
        if (outcomes.length > 1) out(importSummaryLine(outcomes));
      }, { indexed: true, writes: true }),
    );

  program
    .command('list')
    .description('list the articles in the library, newest first (or as --sort says), filtered by the options')
    .option('--json', 'print JSON')
    .option('--tag <tag>', 'only articles with this tag')
    .addOption(new Option('--state <state>', 'only articles in this reading state').choices(['unread', 'reading', 'finished']))
    .addOption(new Option('--format <format>', 'only articles of this format').choices(['txt', 'md', 'html', 'epub', 'pdf']))
    .option('--lang <code>', 'only articles in this language (en, fr, ar, …)')
    .addOption(new Option('--sort <order>', 'order').choices([...ARTICLE_SORTS]))
    .action((options: ListOptions) =>
      withApi(async (api) => {
        const query: ArticleQuery = {
          ...(options.tag !== undefined ? { tag: options.tag } : {}),
          ...(options.state !== undefined ? { readState: options.state } : {}),
          ...(options.format !== undefined ? { format: options.format } : {}),
          ...(options.lang !== undefined ? { lang: options.lang } : {}),
          ...(options.sort !== undefined ? { sort: options.sort } : {}),
        };
        const filtered = Object.keys(query).length > 0;
        const articles = unwrap(await (filtered ? api.listArticles(query) : api.listArticles()));
        if (options.json) {
          out(
            json(
              articles.map(({ id, title, byline, siteName, lang, dir, format, addedAt, wordCount, tags }) => ({
                id, title, byline, siteName, lang, dir, format, addedAt, wordCount, tags,
              })),
            ),
          );
        } else if (articles.length === 0) {
          out(filtered ? 'No article matches.' : 'The library is empty.');
        } else {
          for (const article of articles) out(articleLine(article));
        }
      }),
    );

  program
    .command('show')
    .description("show an article's details, its text (--text) or its metadata as JSON (--json)")
    .argument('<id>', 'article id')
    .addOption(new Option('--text', 'print the article text').conflicts('json'))
    .option('--json', 'print the metadata as JSON')
    .action((id: string, options: { text?: boolean; json?: boolean }) =>
      withApi(async (api) => {
        checkedId(id);
        if (options.text) {
          const content = unwrap(await api.getContent(id));
          out(content.text);
          return;
        }
        const article = unwrap(await api.getArticle(id));
        out(options.json ? json(article) : articleDetails(article));
      }),
    );

  program
    .command('search')
    .description('search articles, bookmarks and notes; best first')
    .argument('<query>', 'words, "exact phrases", +must, -mustnot, field:term, pre*, fuzzy~1')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many results', parseCount('--limit', 1, 1000))
    .option('--tag <tag>', 'only articles with this tag (repeat for several)', collect)
    .option('--format <format>', 'only articles of this format: txt, md, html, epub, pdf (repeatable)', collectFormat)
    .option('--lang <code>', 'only articles in this language, e.g. en, fr (repeatable)', collect)
    .option('--from <date>', 'only articles dated on or after YYYY-MM-DD', parseDay('--from'))
    .option('--to <date>', 'only articles dated on or before YYYY-MM-DD', parseDay('--to'))
    .option('--sort <order>', 'relevance (default) or date, newest first', parseSort)
    .option('--explain', 'show why each hit matched and how its score adds up')
    .action((query: string, options: SearchCommandOptions) =>
      withApi(async (api) => {
        const hits = unwrap(await api.search(query, searchOptionsOf(options)));
        if (options.json) {
          out(
            json(
              hits.map(({ articleId, title, kind, score, snippet, explanation }) =>
                explanation ? { articleId, title, kind, score, snippet, explanation } : { articleId, title, kind, score, snippet },
              ),
            ),
          );
        } else if (hits.length === 0) {
          out(`No results for ${JSON.stringify(query)}.`);
        } else {
          for (const hit of hits) {
            out(searchHitLines(hit, deps.color));
            if (options.explain) out(explanationLines(hit));
          }
        }
      }, { indexed: true }),
    );

  program
    .command('bookmark')
    .description('bookmark the passage of an article that matches --quote')
    .argument('<id>', 'article id')
    .requiredOption('--quote <text>', 'the passage, as it appears in the text')
    .option('--note <text>', 'a note (Markdown)')
    .addOption(new Option('--color <name>', 'highlight colour').choices(HIGHLIGHT_COLORS))
    .action((id: string, options: { quote: string; note?: string; color?: HighlightColor }) =>
      withWriteApi(async (api) => {
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
      }, { indexed: true }),
    );

  program
    .command('note')
    .description('write a note on a whole article')
    .argument('<id>', 'article id')
    .argument('<text>', 'the note (Markdown)')
    .action((id: string, text: string) =>
      withWriteApi(async (api) => {
        const annotation = unwrap(await api.createAnnotation({ articleId: checkedId(id), kind: 'note', note: text }));
        out(`noted      ${annotation.id}`);
      }, { indexed: true }),
    );

  program
    .command('annotations')
    .description("list an article's bookmarks and notes")
    .argument('<id>', 'article id')
    .option('--json', 'print JSON')
    .action((id: string, options: { json?: boolean }) =>
      withApi(async (api) => {
        const annotations = unwrap(await api.listAnnotations(checkedId(id)));
        if (options.json) out(json(annotations));
        else if (annotations.length === 0) out('No bookmarks or notes.');
        else for (const annotation of annotations) out(annotationLines(annotation));
      }),
    );

  program
    .command('export')
    .description(
      "export bookmarks and notes as Markdown or W3C Web Annotation JSON: one article's (printed, or written into --out), or every annotated article's (--all --out DIR, one file each)",
    )
    .argument('[id]', 'article id')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'w3c']).makeOptionMandatory())
    .option('--all', 'every article that has bookmarks or notes')
    .option('--out <dir>', 'write files into this folder (created if missing)')
    .action((id: string | undefined, options: { format: AnnotationExportFormat; all?: boolean; out?: string }) =>
      withApi(async (api) => {
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
      }),
    );

  program
    .command('import-annotations')
    .description('restore bookmarks and notes from a W3C Web Annotation file (as export --format w3c writes)')
    .argument('<files...>', 'JSON files')
    .action((files: string[]) =>
      withWriteApi(async (api) => {
        for (const file of files) {
          const summary = unwrap(await api.importAnnotations(await readExportFile(file)));
          out(annotationImportLine(file, summary));
          for (const reason of summary.skipped) err(`skipped   ${reason}`);
          if (summary.skipped.length > 0) exitCode = 1;
        }
      }, { indexed: true }),
    );

  program
    .command('delete')
    .description('move an article to the trash (restorable)')
    .argument('<id>', 'article id')
    .action((id: string) =>
      withWriteApi(async (api) => {
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
      withWriteApi(async (api) => {
        const article = unwrap(await api.restoreArticle(checkedId(id)));
        out(`restored  ${article.id}  ${article.title}`);
      }, { indexed: true }),
    );

  program
    .command('tag')
    .description('add tags to an article')
    .argument('<id>', 'article id')
    .argument('<tags...>', 'one or more tags')
    .action((id: string, tags: string[]) =>
      withWriteApi(async (api) => {
        const [article] = unwrap(await api.tagArticles([checkedId(id)], tags));
        out(`tagged    ${article!.id}  ${article!.title}  [${article!.tags.join(', ')}]`);
      }, { indexed: true }),
    );

  program
    .command('untag')
    .description('remove tags from an article')
    .argument('<id>', 'article id')
    .argument('<tags...>', 'one or more tags')
    .action((id: string, tags: string[]) =>
      withWriteApi(async (api) => {
        const [article] = unwrap(await api.untagArticles([checkedId(id)], tags));
        out(`untagged  ${article!.id}  ${article!.title}  [${article!.tags.join(', ')}]`);
      }, { indexed: true }),
    );

  program
    .command('empty-trash')
    .description('delete every article in the trash for good')
    .action(() =>
      withWriteApi(async (api) => {
        const { removed } = unwrap(await api.emptyTrash());
        out(removed === 0 ? 'The trash was already empty.' : `Deleted ${removed === 1 ? '1 article' : `${removed} articles`} for good.`);
      }),
    );

  const context: CommandContext = {
    out,
    err,
    fail: (code) => {
      exitCode = code;
    },
    locate: () => (deps.locateLibrary ?? locateCliLibrary)(program.opts<{ library?: string }>().library),
    withApi,
  };
  registerCheckCommand(program, context);
  registerArchiveCommands(program, context);

  program
    .command('serve')
    .description('browser mode: serve Quire on 127.0.0.1 and print its address (with the access token)')
    .option('--port <n>', `port (default: $QUIRE_PORT, then ${DEFAULT_PORT}, then any free port)`, parseCount('--port', 0, 65535))
    .action((options: { port?: number }) =>
      withApi(async (_api, core) => {
        const port = options.port ?? portFromEnv(deps.env.QUIRE_PORT) ?? DEFAULT_PORT;
        let server;
        try {
          server = await createQuireServer({
            core,
            events: core.events,
            rendererDir: deps.rendererDir,
            libraryDir: () => core.libraryDir,
            port,
            fallbackToFreePort: options.port === undefined,
            log: deps.log,
          });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            throw new CliError(`Port ${port} is already in use; choose another with --port.`);
          }
          throw error;
        }
        out(`Quire is running at ${server.url}`);
        out('Press Ctrl+C to stop.');
        await deps.waitForStop();
        await server.close();
      }, { maintenance: true }),
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      if (error.message) err(error.message);
      return error.exitCode;
    }
    if (error instanceof InvalidArgumentError || isQuireError(error)) {
      err((error as Error).message);
      return 1;
    }
    deps.log('failed unexpectedly', error);
    return 1;
  }
}
