/**
 * `quire serve`: browser mode — the same contract over HTTP on 127.0.0.1 with an access token,
 * until SIGINT or SIGTERM.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { parseCount } from '../command-args';
import type { CommandContext } from '../command-context';

export const DEFAULT_PORT = 4310;

function portFromEnv(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new CliError(`QUIRE_PORT must be a port number, not "${value}".`);
  return port;
}

export function registerServeCommand(program: Command, context: CommandContext): void {
  const { out } = context;

  program
    .command('serve')
    .description('browser mode: serve Quire on 127.0.0.1 and print its address (with the access token)')
    .option('--port <n>', `port (default: $QUIRE_PORT, then ${DEFAULT_PORT}, then any free port)`, parseCount('--port', 0, 65535))
    .action((options: { port?: number }) =>
      context.withApi(async (_api, core) => {
        const port = options.port ?? portFromEnv(context.deps.env.QUIRE_PORT) ?? DEFAULT_PORT;
        // Loaded here: Node's HTTP server (and the fetch stack it brings) costs every other command tens of milliseconds.
        const { createQuireServer } = await import('../../serve/server');
        let server;
        try {
          server = await createQuireServer({
            core,
            events: core.events,
            rendererDir: context.deps.rendererDir,
            libraryDir: () => core.libraryDir,
            port,
            fallbackToFreePort: options.port === undefined,
            log: context.deps.log,
          });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            throw new CliError(`Port ${port} is already in use; choose another with --port.`);
          }
          throw error;
        }
        // The address is printed once changes by other processes are watched for, so whatever
        // happens after it (a script, a test) is seen.
        await core.whenWatching();
        out(`Quire is running at ${server.url}`);
        out('Press Ctrl+C to stop.');
        await context.deps.waitForStop();
        await server.close();
      }, { maintenance: true }),
    );
}
