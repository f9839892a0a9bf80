import client from 'prom-client';
import type pg from 'pg';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { DoctorCheck } from '../../platform/health/doctor-check.js';
import {
  ledgerReconciliationRepository,
  type AccountDrift,
  type LedgerComparison,
} from './ledger-reconciliation.repository.js';

/** What one reconciliation found, and when. */
export interface LedgerReconciliationResult extends LedgerComparison {
  checkedAt: Date;
}

/** Drift in the wide sense: accounts off, postings unbalanced, or a ledger not summing to zero. */
export function driftCount(result: LedgerComparison): number {
  return result.drift.length + result.unbalancedPostings + (result.ledgerTotalPaise === 0 ? 0 : 1);
}

/**
 * Recomputes every wallet balance from the entries and compares. Drift is expected never to
 * happen — one writer, one transaction, CHECKs and a balance trigger — so anything found is
 * logged as an error with its figures, for a person to look at (docs/operations.md).
 */
export async function reconcileLedger(
  pool: pg.Pool,
  logger: Logger,
): Promise<LedgerReconciliationResult> {
  const comparison = await ledgerReconciliationRepository.compare(pool);
  const result = { ...comparison, checkedAt: new Date() };
  if (driftCount(comparison) > 0)
    logger.error(
      {
        checkedAccounts: comparison.checkedAccounts,
        driftAccounts: comparison.drift.length,
        unbalancedPostings: comparison.unbalancedPostings,
        ledgerTotalPaise: comparison.ledgerTotalPaise,
        drift: comparison.drift.slice(0, 50),
      },
      'money ledger drift: wallet balances differ from their entries',
    );
  else
    logger.info(
      { checkedAccounts: comparison.checkedAccounts },
      'money ledger reconciled: no drift',
    );
  return result;
}

/**
 * The last result in this process, read by the `spareflow_ledger_drift_accounts` gauge (−1 until
 * the first run, so "never checked" is not mistaken for "no drift").
 */
export class LedgerDriftMonitor {
  last: LedgerReconciliationResult | undefined;

  register(registry: client.Registry): void {
    const last = () => (this.last ? driftCount(this.last) : -1);
    new client.Gauge({
      name: 'spareflow_ledger_drift_accounts',
      help: 'Wallet accounts whose cached balance differed from their entries, plus unbalanced postings, at the last reconciliation (-1: not run yet)',
      registers: [registry],
      collect() {
        this.set(last());
      },
    });
  }
}

/** Every 15 minutes (UTC cron), on whichever worker picks it up. */
export function ledgerReconcileJob(
  pool: pg.Pool,
  monitor: LedgerDriftMonitor,
): JobDefinition<Record<string, unknown>> {
  return defineJob({
    name: 'ledger.reconcile',
    payload: z.object({}).loose(),
    cron: '*/15 * * * *',
    retryLimit: 1,
    handler: async (_payload, context) => {
      monitor.last = await reconcileLedger(pool, context.logger);
    },
  });
}

/** Names the first drifting accounts, e.g. `wallet_available of org …: cached 700 ≠ ledger 500`. */
export function describeLedgerDrift(result: LedgerComparison): string {
  const shown = result.drift.slice(0, 3).map((row: AccountDrift) => {
    const parts = [];
    if (row.cachedPaise !== row.ledgerPaise)
      parts.push(`cached ${row.cachedPaise} ≠ ledger ${row.ledgerPaise}`);
    if (row.openHoldsPaise !== null && row.cachedPaise !== row.openHoldsPaise)
      parts.push(`held ${row.cachedPaise} ≠ open holds ${row.openHoldsPaise}`);
    return `${row.kind} of organization ${row.organizationId}: ${parts.join(', ')}`;
  });
  if (result.drift.length > 3) shown.push(`… ${result.drift.length - 3} more`);
  if (result.unbalancedPostings > 0) shown.push(`${result.unbalancedPostings} unbalanced postings`);
  if (result.ledgerTotalPaise !== 0) shown.push(`entries sum to ${result.ledgerTotalPaise}, not 0`);
  return shown.join('; ');
}

/**
 * The money-ledger line of `spareflow doctor`: runs the comparison itself (the CLI is another
 * process than the worker), OK with the number of accounts checked, FAIL naming the drift.
 */
export function ledgerDoctorCheck(pool: pg.Pool): DoctorCheck {
  return {
    name: 'money ledger',
    run: async () => {
      const comparison = await ledgerReconciliationRepository.compare(pool);
      const at = new Date().toISOString();
      if (driftCount(comparison) === 0)
        return {
          status: 'ok',
          detail: `no drift (checked ${comparison.checkedAccounts} wallet accounts at ${at})`,
        };
      return {
        status: 'fail',
        detail: `${describeLedgerDrift(comparison)} — see docs/operations.md`,
      };
    },
  };
}
