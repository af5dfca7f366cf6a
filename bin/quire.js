#!/usr/bin/env node
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
