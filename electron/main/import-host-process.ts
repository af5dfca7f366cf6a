/**
 * Starts the import host (electron/core/import-jobs/import-host.ts) as an Electron utility
 * process. Node's child_process.fork would start the Electron binary itself, which the RunAsNode
 * fuse (turned off in shipped builds) does not let run as Node; utilityProcess is Electron's way.
 */
import type { utilityProcess as electronUtilityProcess } from 'electron';
import { encodeHostOptions, importHostEnv, type ImportHostReply, type SpawnImportHost } from '../core/import-jobs/import-host-protocol';

type Log = (message: string, error?: unknown) => void;

/** `utilityProcess` from 'electron', passed in so that tests hand in the fake one. */
export type UtilityProcessModule = Pick<typeof electronUtilityProcess, 'fork'>;

export function spawnImportHostWith(utilityProcess: UtilityProcessModule, log: Log): SpawnImportHost {
  return (hostPath, options) => {
    const child = utilityProcess.fork(hostPath, [encodeHostOptions(options)], { serviceName: 'Quire importer', stdio: 'inherit', env: importHostEnv() });
    let running = true;
    // V8 gave up on the host (a worker it could not stop at its heap limit): 'exit' follows.
    child.on('error', (type, location) => log(`The import host stopped: ${type} at ${location}.`));
    child.on('exit', () => {
      running = false;
    });
    return {
      get pid() {
        return child.pid ?? null;
      },
      send: (request) => {
        // A host that has just stopped cannot take it; its exit is handled where it is reported.
        if (running) child.postMessage(request);
      },
      onMessage: (listener) => child.on('message', (message: ImportHostReply) => listener(message)),
      onExit: (listener) => child.on('exit', (code) => listener(`exit code ${code}`)),
      kill: () => void child.kill(),
    };
  };
}
