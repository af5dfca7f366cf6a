/**
 * What a worker started from app.asar.unpacked can load: its imports followed by Node's rules on
 * disk only, the way a thread with no archive support sees them. Relative imports must be files
 * in the tree; a bare import must find its package in a node_modules folder between the importer
 * and the tree's root (never the sibling archive), and so must each package's own dependencies.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `import … from '…'`, `import '…'`, `export … from '…'` and `import('…')` with a literal. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"'\s${}]+)\1/g;

export interface DiskImports {
  /** files of the app's own code reached from the entries */
  files: Set<string>;
  /** package folders reached, with their dependencies */
  packages: Set<string>;
  /** `<importer>: <specifier>` for each import that does not resolve on disk */
  missing: string[];
}

const packageName = (specifier: string): string =>
  specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The package folder Node would find for `name` from `fromDir`, looking no higher than `root`. */
function findPackage(name: string, fromDir: string, root: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return null;
  }
}

/**
 * Follows `entries` (files under `root`) and the packages named in `extraPackages` (required at
 * run time by name, which no import statement shows) through everything they load.
 */
export function followDiskImports(root: string, entries: string[], extraPackages: string[]): DiskImports {
  const result: DiskImports = { files: new Set(), packages: new Set(), missing: [] };

  const visitPackage = (name: string, fromDir: string, importer: string, optional: boolean): void => {
    const dir = findPackage(name, fromDir, root);
    if (dir === null) {
      if (!optional) result.missing.push(`${importer}: ${name}`);
      return;
    }
    if (result.packages.has(dir)) return;
    result.packages.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const optionalNames = new Set(Object.keys(manifest.optionalDependencies ?? {}));
    for (const dependency of new Set([...Object.keys(manifest.dependencies ?? {}), ...optionalNames])) {
      visitPackage(dependency, dir, path.relative(root, dir), optionalNames.has(dependency));
    }
  };

  const visitFile = (file: string): void => {
    if (result.files.has(file)) return;
    result.files.add(file);
    const importer = path.relative(root, file);
    for (const [, , specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        if (existsSync(target)) visitFile(target);
        else result.missing.push(`${importer}: ${specifier}`);
      } else {
        visitPackage(packageName(specifier), path.dirname(file), importer, false);
      }
    }
  };

  for (const entry of entries) {
    if (existsSync(entry)) visitFile(entry);
    else result.missing.push(`entry: ${path.relative(root, entry)}`);
  }
  for (const name of extraPackages) visitPackage(name, root, 'package.json', false);
  return result;
}
