import path from 'node:path';

/**
 * `spareflow/module-boundaries`: a business module (`src/modules/<name>/`) is used by other code
 * only through its public surface, `src/modules/<name>/index.ts` (its services, types, route and
 * job registrations). Its repositories, tables and other internals are its own. Two exceptions
 * make up the schema aggregation: a `*.tables.ts` file may import another module's table files
 * (foreign keys), and `src/platform/db/schema.ts` gathers every table for Drizzle. Platform code
 * depends on no business module at all. See docs/architecture.md, "Module boundaries".
 */

const modulePattern = /^src\/modules\/([^/]+)\//;

function moduleOf(file) {
  return modulePattern.exec(file)?.[1];
}

const isTablesFile = (file) => /\.tables\.[jt]s$/.test(file);

/** Why `from` may not import `to` (both repository-relative, `to` as written with .js), or null. */
export function boundaryViolation(from, to) {
  const target = moduleOf(to);
  if (target === undefined) return null;
  if (isTablesFile(from) && isTablesFile(to)) return null;
  const source = moduleOf(from);
  if (source === target) return null;
  if (from.startsWith('src/platform/')) {
    if (from === 'src/platform/db/schema.ts') return null;
    return `platform code must not depend on the ${target} module; move the shared piece into src/platform`;
  }
  if (to === `src/modules/${target}/index.js`) return null;
  return `import the ${target} module through its public surface (src/modules/${target}/index.ts), not ${path.basename(to)}`;
}

function check(context, node) {
  const specifier = node.source?.value;
  if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
  const root = context.cwd;
  const from = path.relative(root, context.filename).split(path.sep).join('/');
  const to = path
    .relative(root, path.resolve(path.dirname(context.filename), specifier))
    .split(path.sep)
    .join('/');
  const message = boundaryViolation(from, to);
  if (message) context.report({ node: node.source, messageId: 'boundary', data: { message } });
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Modules use each other only through their public surface (index.ts).' },
    messages: { boundary: '{{message}}.' },
    schema: [],
  },
  create(context) {
    const visit = (node) => check(context, node);
    return {
      ImportDeclaration: visit,
      ExportNamedDeclaration: visit,
      ExportAllDeclaration: visit,
      ImportExpression: visit,
    };
  },
};
