/**
 * Imported by the import host and by each import worker for its effect, before their heavy
 * modules load (the importers load when first used): V8's compiled code of the modules they load
 * is kept between runs (Node's compile cache, in the system's temporary folder), as the command
 * line does for itself (bin/quire.js). Each fresh worker loads jsdom, linkedom and Readability;
 * with the cache that took about 90 ms less CPU per worker (830 against 900 ms, five runs each).
 * A process does not pass the cache on to the processes and threads it starts, so each turns it
 * on for itself; and it reaches only modules loaded after it is on (an ES module's static imports
 * are compiled before any of them runs), which is why it serves the importers, loaded when first
 * used, and not a worker whose modules are all static (the search worker: no faster with it).
 * Where the running Node has no compile cache, nothing changes.
 */
import * as nodeModule from 'node:module';

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
