import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { invoiceCounters, invoices, type InvoiceKind } from './invoicing.tables.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoiceRow = typeof invoices.$inferInsert;

/** Which invoices a reader sees: one organization's, or (platform administrators) all. */
export interface InvoiceScope {
  organizationId: string | null;
  kind?: InvoiceKind | undefined;
  financialYear?: string | undefined;
}

function scopeFilter(scope: InvoiceScope): SQL | undefined {
  return and(
    scope.organizationId === null ? undefined : eq(invoices.organizationId, scope.organizationId),
    scope.kind === undefined ? undefined : eq(invoices.kind, scope.kind),
    scope.financialYear === undefined ? undefined : eq(invoices.financialYear, scope.financialYear),
  );
}

export const invoiceRepository = {
  /**
   * The next number of a series in a financial year. One statement creates the counter row or
   * increments it, and the row stays locked (the lock an UPDATE takes, as strong as
   * `SELECT … FOR UPDATE` against other writers) until the caller's transaction ends: a second
   * transaction waits here, then sees the committed number and takes the next. A rollback undoes
   * the increment together with the invoice, so no number is skipped.
   *
   * Lock order: after the ledger's account rows (a shipping charge is captured first), before the
   * audit chain's head (recordAudit is last); the counter is one row shared by every organization,
   * so take it as late as possible — right before inserting the invoice.
   */
  async allocateNumber(tx: Tx, series: string, financialYear: string): Promise<number> {
    const result = await tx.client.query<{ last_number: number }>(
      `insert into invoice_counters (series, financial_year, last_number) values ($1, $2, 1)
       on conflict (series, financial_year)
       do update set last_number = invoice_counters.last_number + 1
       returning last_number`,
      [series, financialYear],
    );
    const number = result.rows[0]?.last_number;
    if (number === undefined) throw new Error('invoice counter returned nothing');
    return number;
  },

  /**
   * Gives back the number just allocated in this transaction (the document turned out to exist
   * already). Safe only while the counter lock is held since `allocateNumber`: nobody can have
   * taken a later number.
   */
  async releaseNumber(tx: Tx, series: string, financialYear: string): Promise<void> {
    await tx.db
      .update(invoiceCounters)
      .set({ lastNumber: sql`${invoiceCounters.lastNumber} - 1` })
      .where(
        and(eq(invoiceCounters.series, series), eq(invoiceCounters.financialYear, financialYear)),
      );
  },

  async findBySource(
    db: Db,
    kind: InvoiceKind,
    sourceType: 'topup' | 'shipment',
    sourceId: string,
  ): Promise<InvoiceRow | undefined> {
    const [row] = await db
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.kind, kind),
          eq(invoices.sourceType, sourceType),
          eq(invoices.sourceId, sourceId),
        ),
      );
    return row;
  },

  async insert(tx: Tx, row: NewInvoiceRow): Promise<InvoiceRow> {
    const [inserted] = await tx.db.insert(invoices).values(row).returning();
    if (!inserted) throw new Error('invoice insert returned nothing');
    return inserted;
  },

  /** One invoice the scope sees (filters other than the organization are ignored). */
  async findVisible(
    db: Db,
    organizationId: string | null,
    id: string,
  ): Promise<InvoiceRow | undefined> {
    const [row] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, id), scopeFilter({ organizationId })));
    return row;
  },

  /**
   * Newest first, `limit` rows after the invoice `afterId` (which the caller has checked is in
   * the scope); the cursor row's own timestamp is compared in the database (microseconds).
   */
  async page(
    db: Db,
    scope: InvoiceScope,
    limit: number,
    afterId: string | undefined,
  ): Promise<InvoiceRow[]> {
    const cursor = afterId
      ? sql`(${invoices.issuedAt}, ${invoices.id}) < (select i.issued_at, i.id from invoices i where i.id = ${afterId})`
      : undefined;
    return db
      .select()
      .from(invoices)
      .where(and(scopeFilter(scope), cursor))
      .orderBy(desc(invoices.issuedAt), desc(invoices.id))
      .limit(limit);
  },

  /** Whether `id` is an invoice of the scope, filters included: a cursor this list returned. */
  async isInScope(db: Db, scope: InvoiceScope, id: string): Promise<boolean> {
    const [row] = await db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.id, id), scopeFilter(scope)));
    return row !== undefined;
  },
};
