/**
 * `quire backup [--list] [--keep N]`, `quire export-library FILE` and `quire import-library FILE
 * [--dry-run] [--prefer-archive]`: backups of what a person wrote, and the whole library as one zip
 * archive. An import never prompts (it runs in scripts and over pipes alike): it keeps what differs
 * here, says so, and `--prefer-archive` is the answer a person gives by running it again.
 */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { MAX_BACKUPS_KEPT } from '../../core/backup/backup-schedule';
import type { BackupInfo } from '../../core/backup/backups';
import type { CommandContext } from '../command-context';
import { count } from '../count';
import { importLibrarySummary } from '../import-library-summary';

const parseKeep = (value: string): number => {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > MAX_BACKUPS_KEPT) {
    throw new InvalidArgumentError(`--keep must be a whole number from 1 to ${MAX_BACKUPS_KEPT}.`);
  }
  return number;
};

const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const backupLine = (backup: BackupInfo): string => `${backup.createdAt}  ${size(backup.bytes).padStart(8)}  ${backup.file}`;

export function registerArchiveCommands(program: Command, context: CommandContext): void {
  const { out, err } = context;

  program
    .command('backup')
    .description('back up every article.json and every bookmark and note now, into backups/ in the library (the newest N are kept)')
    .option('--list', 'list the backups, newest first, instead of making one')
    .option('--keep <n>', `how many backups to keep from now on (default 7, 1–${MAX_BACKUPS_KEPT})`, parseKeep)
    .action((options: { list?: boolean; keep?: number }) =>
      context.withApi(async (_api, core) => {
        if (options.list) {
          const backups = await core.archives.listBackups();
          if (backups.length === 0) out('No backups yet (quire backup makes one).');
          for (const backup of backups) out(backupLine(backup));
          return;
        }
        const { backup, removed } = await core.archives.backupNow(options.keep);
        out(`backed up   ${backup.file} (${size(backup.bytes)})`);
        for (const file of removed) out(`removed     ${file} (older than the newest kept)`);
      }, { writes: options.list !== true }),
    );

  program
    .command('export-library')
    .description('write the whole library (every article with its files, bookmarks and notes) into one zip archive')
    .argument('<file>', 'the archive to write, e.g. quire-library.zip')
    .action((file: string) =>
      context.withApi(async (_api, core) => {
        const { articles, annotations } = await core.archives.exportLibrary(file);
        out(`exported    ${count(articles, 'article', 'articles')} and ${count(annotations, 'bookmark or note', 'bookmarks and notes')} to ${path.resolve(file)}`);
      }),
    );

  program
    .command('import-library')
    .description(
      "merge a library archive or a backup into this library: adds what is missing here; nothing here is deleted, and bookmarks, notes and article details that differ are kept as they are here and listed",
    )
    .argument('<file>', 'an archive from export-library, or a backup from backups/')
    .option('--dry-run', 'say what would change, and change nothing')
    .option('--prefer-archive', "where this library and the archive differ, take the archive's version (the one here is replaced)")
    .action((file: string, options: { dryRun?: boolean; preferArchive?: boolean }) =>
      context.withApi(async (_api, core) => {
        const dryRun = options.dryRun === true;
        const report = await core.archives.importLibrary(file, { dryRun, preferArchive: options.preferArchive === true });
        for (const line of report.lines) out(line);
        for (const reason of report.skipped) err(`skipped     ${reason}`);
        out(importLibrarySummary(report, { dryRun }));
        if (report.skipped.length > 0) context.fail(1);
      }, { indexed: true, writes: options.dryRun !== true }),
    );
}
