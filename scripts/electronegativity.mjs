// `npm run security:electronegativity` (docs/security.md, "The Electron checklist"): Doyensec's
// Electronegativity over the Electron side of Quire — the main process and preload sources, with
// the renderer's index.html (its CSP) — failing on any high or medium finding that docs/security.md
// does not explain. Runs offline: the tool's two network uses (updated translations, Electron's
// release list) are cut.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));

// At start the tool asks `got` for translations (it falls back to its own English) and a global
// check asks for Electron's releases (excluded below). Both get "offline" without a socket being
// opened, so CI without network behaves exactly as a connected machine.
const offline = () => Promise.reject(new Error('Electronegativity runs offline in Quire'));
Object.assign(offline, { head: offline, get: offline, default: offline, __esModule: true });
const gotPath = toolRequire.resolve('got');
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
const tool = require('@doyensec/electronegativity');
const run = tool.default ?? tool;

/** What is scanned, as one tree: global checks (CSP, navigation limits) look across all of it. */
const SCANNED = [
  ['electron/main', 'main'],
  ['electron/preload', 'preload'],
  ['renderer/index.html', 'renderer/index.html'],
];
const EXPLANATIONS = 'docs/security.md';

/**
 * The findings docs/security.md explains: rows of its Electronegativity table whose first cell is
 * the check id and second the file (as the tool prints it, relative to the scanned tree).
 */
function explainedFindings() {
  const explained = new Set();
  for (const line of readFileSync(EXPLANATIONS, 'utf8').split('\n')) {
    const row = /^\|\s*`([A-Z_]+)`\s*\|\s*`([^`]+)`\s*\|/.exec(line);
    if (row) explained.add(`${row[1]} ${row[2]}`);
  }
  return explained;
}

const stage = mkdtempSync(path.join(tmpdir(), 'quire-electronegativity-'));
try {
  for (const [from, to] of SCANNED) cpSync(from, path.join(stage, to), { recursive: true });
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const result = await run({
    input: stage,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  const explained = explainedFindings();
  const seen = new Set();
  const unexplained = [];
  for (const issue of result.issues) {
    const file = issue.file === 'N/A' ? 'N/A' : path.relative(stage, path.resolve(stage, issue.file));
    const key = `${issue.id} ${file}`;
    const where = file === 'N/A' ? '(global)' : `${file}:${issue.location.line}`;
    const line = `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id} ${where}`;
    const serious = issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM';
    if (serious && !explained.has(key)) unexplained.push(`${line}\n    ${issue.description}`);
    else console.log(`${explained.has(key) ? 'explained' : 'low      '} ${line}: ${issue.description}`);
    seen.add(key);
  }
  for (const error of result.errors) console.log(`parse error: ${JSON.stringify(error)}`);
  for (const key of explained) if (!seen.has(key)) console.log(`note: ${EXPLANATIONS} explains ${key}, which no longer occurs`);
  if (result.errors.length > 0 || unexplained.length > 0) {
    if (unexplained.length > 0) {
      console.error(`\n${unexplained.length} high or medium finding(s) not explained in ${EXPLANATIONS}:\n${unexplained.join('\n')}`);
    }
    process.exitCode = 1;
  } else {
    console.log(`electronegativity: ${result.issues.length} finding(s), every high and medium one explained in ${EXPLANATIONS}`);
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
