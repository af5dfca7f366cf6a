/**
 * Starts the import host with Node's child_process (the command line and `quire serve`; the
 * desktop app uses Electron's utilityProcess instead, in electron/main/import-host-process.ts).
 */
import { fork } from 'node:child_process';
import { IMPORT_HOST_V8_FLAGS } from './host-v8-flags';
import { encodeHostOptions, importHostEnv, type ImportHostReply, type SpawnImportHost } from './import-host-protocol';

export const forkNodeImportHost: SpawnImportHost = (hostPath, options) => {
  const child = fork(hostPath, [encodeHostOptions(options)], {
    // Structured clone, so the bytes of a file travel as a Uint8Array, as between threads.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Not Quire's own flags: the host's own heap holds only messages (the limits that matter are
    // its workers'), and its tiering suits short-lived readers (IMPORT_HOST_V8_FLAGS).
    execArgv: [...IMPORT_HOST_V8_FLAGS],
    env: importHostEnv(),
  });
  return {
    get pid() {
      return child.pid ?? null;
    },
    send: (request) => {
      // A host that has just stopped cannot take it; its exit is handled where it is reported.
      if (child.connected) child.send(request);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as ImportHostReply)),
    onExit: (listener) => child.on('exit', (code, signal) => listener(signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`)),
    kill: () => void child.kill(),
  };
};
