/**
 * `quire check [--repair] [--json]`: checks the library without opening it (opening already tidies
 * some things, and a check alone must change nothing); `--repair` applies the file repairs, then
 * opens the library so the search index reconciles, and checks again. Exit code 1 while problems
 * remain.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CheckProblem, CheckReport } from '../../core/library/check/check-types';
import { LIBRARY_MANIFEST } from '../../core/library/library-paths';
import { ARRIVING_MS } from '../../core/library/sync/arriving';
import { CliError } from '../cli-error';
import { refuseWhileHeld } from '../library-busy';
import type { CommandContext } from '../command-context';
import { count } from '../count';

interface CheckOptions {
  repair?: boolean;
  json?: boolean;
  settled?: boolean;
}


export function registerCheckCommand(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('check every article, bookmark, note and the search index against each other; --repair fixes what it can and says what it did')
    .option('--repair', 'fix what can be fixed: remove leftovers of interrupted writes, rebuild text.txt, quarantine unreadable files, re-index')
    .option('--json', 'print the report as JSON')
    .option('--settled', 'no synchronizer is writing into the library: judge incomplete articles changed in the last 10 minutes too (otherwise they are left alone as still arriving)')
    .action((options: CheckOptions) => runCheck(context, options));
}

async function runCheck(context: CommandContext, options: CheckOptions): Promise<void> {
  const { libraryDir, indexDir } = context.locate();
  if (!existsSync(path.join(libraryDir, LIBRARY_MANIFEST))) throw new CliError(`There is no Quire library at ${libraryDir}.`);
  // Incomplete articles changed a moment ago are a synchronizer's writes in progress, not damage.
  const checkOptions = { indexDir, arrivingWithinMs: options.settled ? 0 : ARRIVING_MS };
  // Loaded here, not with the command line: checking reads HTML (parse5) that no other command needs at start.
  const { checkLibrary } = await import('../../core/library/check/check-library');
  const before = await checkLibrary(libraryDir, checkOptions);
  const repaired: string[] = [];
  let after = before;
  if (options.repair && before.problems.length > 0) {
    await refuseWhileHeld(libraryDir);
    const { repairLibrary } = await import('../../core/library/check/repair-library');
    const outcome = await repairLibrary(libraryDir, before.problems, () => new Date().toISOString());
    repaired.push(...outcome.actions);
    for (const failure of outcome.failures) context.err(failure);
    // Opening the library reconciles the index with the files: stale and lost entries are re-indexed.
    const reindexed = await context.withApi(
      async (_api, core) => {
        // Repaired text is new to the index even where the fingerprints agree.
        core.reindexArticles(outcome.touched);
        return core.reindexedAtOpen();
      },
      { indexed: true },
    );
    if (reindexed === null) context.err('The search index could not be opened; run quire check again for details.');
    for (const problem of before.problems.filter((p) => p.repair?.kind === 'reindex')) repaired.push(`reindexed   ${problem.where}: ${problem.message}`);
    after = await checkLibrary(libraryDir, checkOptions);
  }
  if (options.json) printJson(context, libraryDir, before, repaired, after);
  else printText(context, options, before, repaired, after);
  if (after.problems.length > 0) context.fail(1);
}

function printText(context: CommandContext, options: CheckOptions, before: CheckReport, repaired: string[], after: CheckReport): void {
  const { out } = context;
  out(`Checked ${count(after.articles, 'article', 'articles')}, ${count(after.annotations, 'bookmark or note', 'bookmarks and notes')}, ${after.trashed} in the trash.`);
  for (const where of after.arriving) out(`arriving    ${where}: incomplete and written to in the last 10 minutes (a synchronizer is still copying it); left alone`);
  if (options.repair) {
    for (const line of repaired) out(line);
    for (const problem of after.problems) out(problemLine(problem));
    if (after.problems.length === 0) out(before.problems.length === 0 ? 'No problems found.' : `Repaired ${count(before.problems.length, 'problem', 'problems')}; no problems remain.`);
    else out(`${count(after.problems.length, 'problem remains', 'problems remain')}.`);
    return;
  }
  for (const problem of before.problems) out(problemLine(problem));
  if (before.problems.length === 0) {
    out('No problems found.');
    return;
  }
  const fixable = before.problems.filter((p) => p.repair !== null).length;
  out(`${count(before.problems.length, 'problem', 'problems')} found; ${fixable > 0 ? `quire check --repair fixes ${fixable === before.problems.length ? 'all of them' : count(fixable, 'of them', 'of them')}` : 'none can be repaired automatically'}. Nothing was changed.`);
}

const problemLine = (problem: CheckProblem): string =>
  `problem     ${problem.where}: ${problem.message}${problem.repair === null ? ' (needs you: not repaired automatically)' : ''}`;

function printJson(context: CommandContext, libraryDir: string, before: CheckReport, repaired: string[], after: CheckReport): void {
  const problems = (report: CheckReport) => report.problems.map((p) => ({ where: p.where, message: p.message, repairable: p.repair !== null }));
  context.out(
    JSON.stringify(
      {
        library: libraryDir,
        ok: after.problems.length === 0,
        articles: after.articles,
        annotations: after.annotations,
        trashed: after.trashed,
        arriving: after.arriving,
        found: problems(before),
        repaired,
        remaining: problems(after),
      },
      null,
      2,
    ),
  );
}
