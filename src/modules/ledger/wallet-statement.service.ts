import type pg from 'pg';
import { z } from 'zod';
import type { CsvCell } from '../../platform/csv/csv-writer.js';
import type { Db } from '../../platform/db/database.js';
import { toPage } from '../../platform/http/pagination.js';
import type { PostingKind } from './ledger.tables.js';
import {
  walletStatementRepository,
  type StatementFilter,
  type StatementRow,
} from './wallet-statement.repository.js';

/**
 * What a statement line was, in the API's words. Holds and releases are not lines (they move
 * money within the wallet, from available to held and back); a charge is the captured part of a
 * hold, a manual credit or debit one an administrator posted with a reason.
 */
export const statementTypes = [
  'topup',
  'charge',
  'refund',
  'refund_reversed',
  'manual_credit',
  'manual_debit',
] as const;
export type StatementType = (typeof statementTypes)[number];

const kindOfType: Record<StatementType, PostingKind> = {
  topup: 'topup',
  charge: 'capture',
  refund: 'refund',
  refund_reversed: 'refund_reversed',
  manual_credit: 'adjustment_credit',
  manual_debit: 'adjustment_debit',
};
const typeOfKind = new Map<PostingKind, StatementType>(
  Object.entries(kindOfType).map(([type, kind]) => [kind, type as StatementType]),
);

/** Labels of the statement types, as the web app and the CSV say them. */
export const statementTypeLabels: Record<StatementType, string> = {
  topup: 'Top-up',
  charge: 'Shipping charge',
  refund: 'Refund',
  refund_reversed: 'Refund returned',
  manual_credit: 'Manual credit',
  manual_debit: 'Manual debit',
};

const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .optional();

const filterShape = {
  type: z.enum(statementTypes).optional().describe('only lines of this type'),
  from: instant.describe('lines at or after this instant (ISO 8601)'),
  to: instant.describe('lines at or before this instant (ISO 8601)'),
};

export const statementQuerySchema = z
  .object({
    ...filterShape,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, 'is not a cursor this list returned')
      .optional()
      .describe('`nextCursor` of the previous page'),
  })
  .strict();
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export const statementExportQuerySchema = z.object(filterShape).strict();
export type StatementExportQuery = z.infer<typeof statementExportQuerySchema>;

export const statementItemSchema = z.object({
  id: z.number().int(),
  type: z.enum(statementTypes),
  amountPaise: z.number().int().describe('signed: credits positive, debits negative'),
  balanceAfterPaise: z.number().int().describe('the wallet balance (available + held) after it'),
  reference: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
});
export type StatementItem = z.infer<typeof statementItemSchema>;

function filterOf(query: { type?: StatementType; from?: Date; to?: Date }): StatementFilter {
  return {
    kinds: query.type ? [kindOfType[query.type]] : undefined,
    from: query.from,
    to: query.to,
  };
}

function present(row: StatementRow): StatementItem {
  return {
    id: row.id,
    type: typeOfKind.get(row.kind) ?? 'charge',
    amountPaise: row.walletDeltaPaise,
    balanceAfterPaise: row.walletBalanceAfterPaise ?? 0,
    reference: row.reference,
    description: row.description ?? statementTypeLabels[typeOfKind.get(row.kind) ?? 'charge'],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The wallet's statement, newest first, with the running balance after each line. */
export async function listStatement(db: Db, organizationId: string, query: StatementQuery) {
  const rows = await walletStatementRepository.page(
    db,
    organizationId,
    { ...filterOf(query), beforeId: query.cursor === undefined ? undefined : Number(query.cursor) },
    query.limit + 1,
  );
  return toPage(rows, query.limit, present, (row) => String(row.id));
}

/**
 * The CSV's columns, as a bank statement has them: credit and debit apart, both positive — a
 * signed amount would start with `-`, which the CSV writer neutralises as a formula character
 * (`'-5`), and a spreadsheet would then read it as text. Rupees for people, paise for systems.
 */
export const statementColumns = [
  'id',
  'created_at',
  'type',
  'description',
  'reference',
  'credit_rupees',
  'debit_rupees',
  'balance_after_rupees',
  'credit_paise',
  'debit_paise',
  'balance_after_paise',
] as const;

/** Exact rupees of non-negative integer paise: `123456` → `1234.56` (never through a float). */
export function rupeesOf(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0) throw new Error('rupeesOf: paise ≥ 0');
  return `${Math.trunc(paise / 100)}.${String(paise % 100).padStart(2, '0')}`;
}

/** The filtered statement as CSV rows (header first), oldest first. */
export async function* statementCsvRows(
  pool: pg.Pool,
  organizationId: string,
  query: StatementExportQuery,
): AsyncGenerator<CsvCell[]> {
  yield [...statementColumns];
  for await (const batch of walletStatementRepository.batches(
    pool,
    organizationId,
    filterOf(query),
  ))
    for (const row of batch) {
      const item = present(row);
      const credit = item.amountPaise > 0 ? item.amountPaise : null;
      const debit = item.amountPaise < 0 ? -item.amountPaise : null;
      yield [
        item.id,
        item.createdAt,
        statementTypeLabels[item.type],
        item.description,
        item.reference,
        credit === null ? null : rupeesOf(credit),
        debit === null ? null : rupeesOf(debit),
        rupeesOf(item.balanceAfterPaise),
        credit,
        debit,
        item.balanceAfterPaise,
      ];
    }
}
