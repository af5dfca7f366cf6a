// An ESLint rule that holds every folder to an allow-list of what it may import, after VS Code's
// `code-import-patterns`: a folder names the project folders and packages it may use, and anything
// else is an error naming what the folder may import. A file in no listed folder is an error too,
// so a new folder cannot appear without its line in the map (docs/architecture.md, "Map").
import path from 'node:path';

/** A glob over project paths or package names: `*` stays within one segment, `**` crosses them. */
function globToRegExp(glob) {
  const pattern = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) => {
      if (part === '**/' || part === '**') return '(?:.*)?';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; `node:fs` stays as it is. */
const packageName = (specifier) =>
  specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

function compile(boundaries) {
  return boundaries.map(({ folder, files, may, why }) => ({
    folder,
    why,
    files: (files ?? [`${folder}/**`]).map(globToRegExp),
    may,
    allowed: may.map((entry) => {
      const [kind, glob] = entry.startsWith('package:') ? ['package', entry.slice(8)] : ['path', entry];
      return { kind, test: globToRegExp(glob) };
    }),
  }));
}

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its line of the map allows.' },
    schema: [{ type: 'array' }],
  },
  create(context) {
    const boundaries = compile(context.options[0] ?? []);
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const boundary = boundaries.find(({ files }) => files.some((test) => test.test(file)));

    function check(node, specifier) {
      if (typeof specifier !== 'string' || boundary === undefined) return;
      const relative = specifier.startsWith('.');
      const target = relative
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
        : packageName(specifier);
      const kind = relative ? 'path' : 'package';
      if (boundary.allowed.some((allow) => allow.kind === kind && allow.test.test(target))) return;
      context.report({
        node,
        message: `${boundary.folder} may not import '${specifier}'${relative ? ` (${target})` : ''}: ${boundary.why} It may import ${boundary.may.join(', ')}.`,
      });
    }

    return {
      Program(node) {
        if (boundary === undefined) {
          context.report({ node, message: `${file} is in no folder of the import map: add its folder to the boundaries in eslint.config.js and docs/architecture.md.` });
        }
      },
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression, node.moduleReference.expression.value),
    };
  },
};

export default { rules: { 'import-boundaries': importBoundaries } };
