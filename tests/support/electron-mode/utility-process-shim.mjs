// What Electron's utility process gives the module it runs, made from a Node child process for the
// fake `utilityProcess.fork` (fake-electron.ts): `process.parentPort`, whose 'message' events carry
// `{ data }` and whose postMessage answers the parent, and the module's own arguments in argv.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const parentPort = new EventEmitter();
parentPort.postMessage = (message) => process.send(message);
// Listening before the module loads, as Electron queues what arrives until the module listens.
const queued = [];
process.on('message', (data) => (parentPort.listenerCount('message') > 0 ? parentPort.emit('message', { data }) : queued.push(data)));
parentPort.on('newListener', (event) => {
  if (event === 'message') queueMicrotask(() => queued.splice(0).forEach((data) => parentPort.emit('message', { data })));
});
process.parentPort = parentPort;

const [modulePath, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], modulePath, ...args];
await import(pathToFileURL(modulePath).href);
