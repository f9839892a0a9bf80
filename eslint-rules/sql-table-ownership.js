import fs from 'node:fs';
import path from 'node:path';

/**
 * `spareflow/sql-table-ownership`: the SQL text a module writes names only its own tables and the
 * views other modules publish for reading (`pgView` in their `*.tables.ts`). The import rule
 * (`module-boundaries`) cannot see a table named inside a string, so this one reads the SQL:
 * string literals and template-literal text that look like SQL (`select`, `insert`, `update`,
 * `delete` or `with` as a word), every name after `from`, `join`, `into` or `update`.
 * Ownership comes from the `pgTable('<name>'` calls of `src/modules/<module>/*.tables.ts`.
 */

const sqlWord = /\b(select|insert|update|delete|with)\b/i;
const tableReference = /\b(?:from|join|into|update)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Table name → owning module, read once per lint run from the table files. */
let owners;
function tableOwners(root) {
  if (owners) return owners;
  owners = new Map();
  const modulesDir = path.join(root, 'src', 'modules');
  for (const name of fs.readdirSync(modulesDir)) {
    const dir = path.join(modulesDir, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.tables.ts'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of text.matchAll(/pgTable\(\s*'([a-z0-9_]+)'/g)) owners.set(match[1], name);
    }
  }
  return owners;
}

/** The tables of other modules that `sqlText` names (empty when it is not SQL). */
export function foreignTables(sqlText, ownModule, tableOwnership) {
  if (!sqlWord.test(sqlText)) return [];
  const found = [];
  for (const match of sqlText.matchAll(tableReference)) {
    const owner = tableOwnership.get(match[1].toLowerCase());
    if (owner !== undefined && owner !== ownModule) found.push({ table: match[1], owner });
  }
  return found;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "A module's SQL names only its own tables and published views." },
    messages: {
      foreign:
        "SQL names the {{owner}} module's table {{table}}: read its published view or call its public service.",
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const ownModule = /^src\/modules\/([^/]+)\//.exec(file)?.[1];
    if (ownModule === undefined) return {};
    const ownership = tableOwners(context.cwd);
    const inspect = (node, text) => {
      for (const { table, owner } of foreignTables(text, ownModule, ownership))
        context.report({ node, messageId: 'foreign', data: { table, owner } });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') inspect(node, node.value);
      },
      TemplateLiteral(node) {
        inspect(
          node,
          node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' ? '),
        );
      },
    };
  },
};
