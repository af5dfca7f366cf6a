#!/usr/bin/env node
import { nodeVersionProblem } from './node-version.js';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
// Imported only once the version is known to be right: the CLI's code needs Node 24.
await import('../out/cli/index.js');
