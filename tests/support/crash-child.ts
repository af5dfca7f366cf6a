/**
 * The process the crash tests (tests/unit/crash) kill with SIGKILL: it opens a library with the
 * real core and search worker and writes bookmarks and notes in bursts until it is killed.
 *
 * Protocol on stdout, one JSON object per line (stdout to a pipe is synchronous on Linux, so a
 * line printed before the kill is never lost):
 *   {"t":"ready"}                                        the library is open
 *   {"t":"begin","op":…}                                 a write is about to be called
 *   {"t":"ack","op":…,"id":…}                            that write's call resolved (it is durable)
 * A write is acknowledged only after the core's promise resolved, exactly as a UI would tell the
 * person "saved".
 *
 * Bundled by the crash test with esbuild (the core is TypeScript with bundler-style imports).
 * Argument: JSON `{ libraryDir, cacheDir, seed, articleIds, burst }`.
 */
import { openQuire } from '../../electron/core/open-quire';
import type { Annotation } from '../../electron/shared/models';
import { markerWord, seededRandom, type CrashOp } from './crash-protocol';

interface ChildArgs {
  libraryDir: string;
  cacheDir: string;
  seed: number;
  articleIds: string[];
  /** writes in flight at once */
  burst: number;
}

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
  const random = seededRandom(args.seed);
  const data = new Map<string, unknown>();
  const core = await openQuire({
    libraryDir: args.libraryDir,
    cacheDir: args.cacheDir,
    settings: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) },
    log: () => {},
  });
  // Existing annotations can be updated and deleted too, not only those made here.
  const live: Annotation[] = (await core.listAllAnnotations()).slice();
  const busy = new Set<string>();
  print({ t: 'ready' });

  let seq = 0;
  const nextOp = (): CrashOp => {
    seq += 1;
    const idle = live.filter((a) => !busy.has(a.id));
    const roll = random();
    const target = idle.length > 0 ? idle[Math.floor(random() * idle.length)]! : null;
    const articleId = args.articleIds[Math.floor(random() * args.articleIds.length)]!;
    const note = `Note ${markerWord('n', args.seed * 10_000 + seq)} written in burst ${seq}.`;
    if (target === null || roll < 0.45) return { kind: 'create', seq, articleId, note, bookmark: random() < 0.3 };
    if (roll < 0.8) return { kind: 'update', seq, articleId: target.articleId, id: target.id, note };
    return { kind: 'delete', seq, articleId: target.articleId, id: target.id };
  };

  const run = async (op: CrashOp): Promise<void> => {
    print({ t: 'begin', op });
    if (op.kind === 'create') {
      const created = await core.createAnnotation({
        articleId: op.articleId,
        kind: op.bookmark ? 'bookmark' : 'note',
        note: op.note,
        ...(op.bookmark ? { color: 'yellow' as const } : {}),
      });
      live.push(created);
      print({ t: 'ack', op, id: created.id });
    } else if (op.kind === 'update') {
      busy.add(op.id);
      try {
        const updated = await core.updateAnnotation(op.articleId, op.id, { note: op.note });
        const index = live.findIndex((a) => a.id === op.id);
        if (index >= 0) live[index] = updated;
        print({ t: 'ack', op, id: op.id });
      } finally {
        busy.delete(op.id);
      }
    } else {
      busy.add(op.id);
      const index = live.findIndex((a) => a.id === op.id);
      if (index >= 0) live.splice(index, 1);
      await core.deleteAnnotation(op.articleId, op.id);
      print({ t: 'ack', op, id: op.id });
    }
  };

  // Bursts of concurrent writes, forever: the test ends this process with SIGKILL.
  for (;;) {
    const ops: CrashOp[] = [];
    for (let i = 0; i < args.burst; i += 1) {
      const op = nextOp();
      // Never two writes to one annotation at once: its expected state stays well defined.
      if (op.kind !== 'create') busy.add(op.id);
      ops.push(op);
    }
    await Promise.all(ops.map((op) => run(op)));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
