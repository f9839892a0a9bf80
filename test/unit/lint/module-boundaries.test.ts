import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The module-boundary rules as the project's lint runs them (eslint.config.js), on code that is
 * not in the repository: a deliberate cross-module repository import must fail `npm run lint`.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId?.startsWith('spareflow/'))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint keeps module boundaries', () => {
  it("fails on a service importing another module's repository", async () => {
    const errors = await boundaryErrors(
      'src/modules/inventory/boundary-probe.service.ts',
      "import { partRepository } from '../catalog/part.repository.js';\nexport const probe = partRepository;\n",
    );
    expect(errors).toEqual([
      'spareflow/module-boundaries: import the catalog module through its public surface (src/modules/catalog/index.ts), not part.repository.js.',
    ]);
  });

  it("fails on another module's tables, and on re-exporting them", async () => {
    expect(
      await boundaryErrors(
        'src/modules/network/boundary-probe.repository.ts',
        "export { organizations } from '../identity/identity.tables.js';\n",
      ),
    ).toHaveLength(1);
  });

  it('accepts the public surface, the own module, and foreign keys between table files', async () => {
    expect(
      await boundaryErrors(
        'src/modules/inventory/boundary-probe.service.ts',
        "import { recordAudit } from '../audit/index.js';\nimport { stockLevels } from './inventory.tables.js';\nexport const probe = [recordAudit, stockLevels];\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'src/modules/inventory/probe.tables.ts',
        "import { parts } from '../catalog/catalog.tables.js';\nexport const probe = parts;\n",
      ),
    ).toEqual([]);
  });

  it('keeps platform code free of business modules, apart from the schema aggregation', async () => {
    expect(
      await boundaryErrors(
        'src/platform/http/boundary-probe.ts',
        "import { recordAudit } from '../../modules/audit/index.js';\nexport const probe = recordAudit;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'src/platform/db/schema.ts',
        "export * from '../../modules/catalog/catalog.tables.js';\n",
      ),
    ).toEqual([]);
  });

  it('keeps the composition root on public surfaces too', async () => {
    expect(
      await boundaryErrors(
        'src/app/boundary-probe.ts',
        "import { partRepository } from '../modules/catalog/part.repository.js';\nexport const probe = partRepository;\n",
      ),
    ).toHaveLength(1);
  });

  it("fails on SQL text naming another module's table, not on its published views", async () => {
    const errors = await boundaryErrors(
      'src/modules/imports/boundary-probe.repository.ts',
      'export const probe = `select p.part_number from parts p join stock_levels s on s.part_id = p.id`;\n',
    );
    expect(errors).toEqual([
      "spareflow/sql-table-ownership: SQL names the catalog module's table parts: read its published view or call its public service.",
      "spareflow/sql-table-ownership: SQL names the inventory module's table stock_levels: read its published view or call its public service.",
    ]);
    expect(
      await boundaryErrors(
        'src/modules/catalog/boundary-probe.repository.ts',
        "export const probe = 'select id from parts where brand_id = $1';\n",
      ),
    ).toEqual([]);
  });
});
