#!/usr/bin/env -S node --max-semi-space-size=2
// The first line's flag keeps V8's young generation at 2 MB semi-spaces in the command's thread.
// Most commands are over in half a second; left to itself, V8 grows the young generation many
// times over while the library is read, faulting in fresh pages and copying what survives within
// it: `quire list` and `quire search` over 10,000 articles take 55–135 ms less with it, and an
// import of 120 pages takes as long (docs/benchmarks.md). npm's shims for Windows read the flag
// from this line as well.
import { nodeVersionProblem } from './node-version.js';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
// V8's compiled code for Quire's modules kept between runs (in the system's temporary folder):
// a one-shot command spends a good part of its time compiling the same modules again.
const { enableCompileCache } = await import('node:module');
enableCompileCache();
// Imported only once the version is known to be right: the CLI's code needs Node 24.
await import('../out/cli/index.js');
