import client from 'prom-client';
import type pg from 'pg';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { DoctorCheck } from '../../platform/health/doctor-check.js';
import {
  reservationReconciliationRepository,
  type ReservationDrift,
} from './reservation-reconciliation.repository.js';
import {
  stockReconciliationRepository,
  type LevelDrift,
} from './stock-reconciliation.repository.js';

/** What one comparison of the levels with the ledger (and the documents' holdings) found. */
export interface ReconciliationResult {
  checkedLevels: number;
  drift: LevelDrift[];
  /** Document lines compared with their movements (and levels with their documents). */
  checkedReservationLines: number;
  reservationDrift: ReservationDrift[];
  checkedAt: Date;
}

/**
 * Recomputes every stock level from the ledger and compares (one SQL statement, one snapshot).
 * Drift is expected never to happen — the ledger and the levels are written in one transaction by
 * one function — so any row found is logged as an error with its numbers, for a person to look at.
 */
export async function reconcileStock(pool: pg.Pool, logger: Logger): Promise<ReconciliationResult> {
  const { checkedLevels, drift } = await stockReconciliationRepository.compare(pool);
  const reservations = await reservationReconciliationRepository.compare(pool);
  const result = {
    checkedLevels,
    drift,
    checkedReservationLines: reservations.checkedLines,
    reservationDrift: reservations.drift,
    checkedAt: new Date(),
  };
  if (drift.length > 0)
    logger.error(
      { checkedLevels, driftLevels: drift.length, drift: drift.slice(0, 50) },
      'stock ledger drift: levels differ from the sums of their movements',
    );
  else logger.info({ checkedLevels }, 'stock ledger reconciled: no drift');
  if (reservations.drift.length > 0)
    logger.error(
      {
        checkedReservationLines: reservations.checkedLines,
        driftReservations: reservations.drift.length,
        drift: reservations.drift.slice(0, 50),
      },
      "reservation drift: levels differ from their documents' holdings, or holdings from their movements",
    );
  return result;
}

/**
 * The last result in this process, read by the `spareflow_stock_drift_levels` gauge (−1 until the
 * first run, so "never checked" is not mistaken for "no drift").
 */
export class StockDriftMonitor {
  last: ReconciliationResult | undefined;

  /** Registers the gauge in the app's metrics registry. */
  register(registry: client.Registry): void {
    const lastDrift = () => (this.last ? this.last.drift.length : -1);
    const lastReservationDrift = () => (this.last ? this.last.reservationDrift.length : -1);
    new client.Gauge({
      name: 'spareflow_stock_drift_levels',
      help: 'Stock levels that differed from the ledger at the last reconciliation (-1: not run yet)',
      registers: [registry],
      collect() {
        this.set(lastDrift());
      },
    });
    new client.Gauge({
      name: 'spareflow_reservation_drift_lines',
      help: "Levels whose reserved differed from their documents' holdings, plus document lines that differed from their movements, at the last reconciliation (-1: not run yet)",
      registers: [registry],
      collect() {
        this.set(lastReservationDrift());
      },
    });
  }
}

/** Every 15 minutes (UTC cron), on whichever worker picks it up. */
export function stockReconcileJob(
  pool: pg.Pool,
  monitor: StockDriftMonitor,
): JobDefinition<Record<string, unknown>> {
  return defineJob({
    name: 'inventory.reconcile',
    payload: z.object({}).loose(),
    cron: '*/15 * * * *',
    retryLimit: 1,
    handler: async (_payload, context) => {
      monitor.last = await reconcileStock(pool, context.logger);
    },
  });
}

/** Names the first drifting levels, e.g. `loc/part on hand 7 ≠ ledger 5`. */
export function describeDrift(drift: readonly LevelDrift[]): string {
  const shown = drift.slice(0, 3).map((row) => {
    const parts = [];
    if (row.onHand !== row.ledgerOnHand)
      parts.push(`on hand ${row.onHand} ≠ ledger ${row.ledgerOnHand}`);
    if (row.reserved !== row.ledgerReserved)
      parts.push(`reserved ${row.reserved} ≠ ledger ${row.ledgerReserved}`);
    if (row.inTransit !== row.ledgerInTransit)
      parts.push(`in transit ${row.inTransit} ≠ ledger ${row.ledgerInTransit}`);
    return `location ${row.locationId} part ${row.partId}: ${parts.join(', ')}`;
  });
  return drift.length > 3 ? `${shown.join('; ')}; … ${drift.length - 3} more` : shown.join('; ');
}

/**
 * The stock-ledger line of `spareflow doctor`: runs the comparison itself (the CLI is another
 * process than the worker), OK with the number of levels checked, FAIL naming the drift.
 */
export function stockLedgerDoctorCheck(pool: pg.Pool): DoctorCheck {
  return {
    name: 'stock ledger',
    run: async () => {
      const { checkedLevels, drift } = await stockReconciliationRepository.compare(pool);
      const at = new Date().toISOString();
      if (drift.length === 0)
        return { status: 'ok', detail: `no drift (checked ${checkedLevels} levels at ${at})` };
      return {
        status: 'fail',
        detail: `${drift.length} of ${checkedLevels} levels differ from the ledger: ${describeDrift(drift)} — see docs/operations.md`,
      };
    },
  };
}

/** Names the first reservation drifts, e.g. `loc/part reserved 5 ≠ documents 3`. */
export function describeReservationDrift(drift: readonly ReservationDrift[]): string {
  const shown = drift
    .slice(0, 3)
    .map((row) =>
      row.kind === 'level'
        ? `location ${row.locationId} part ${row.partId}: reserved ${row.reserved} ≠ documents ${row.held}`
        : `${row.referenceType} ${row.referenceId} at location ${row.locationId} part ${row.partId}: held ${row.held} ≠ ledger ${row.ledgerHeld}`,
    );
  return drift.length > 3 ? `${shown.join('; ')}; … ${drift.length - 3} more` : shown.join('; ');
}

/**
 * The reservations line of `spareflow doctor`: every level's reserved equals what its documents
 * hold, and every document line equals the sum of its movements.
 */
export function stockReservationsDoctorCheck(pool: pg.Pool): DoctorCheck {
  return {
    name: 'stock reservations',
    run: async () => {
      const { checkedLines, drift } = await reservationReconciliationRepository.compare(pool);
      const at = new Date().toISOString();
      if (drift.length === 0)
        return {
          status: 'ok',
          detail: `no drift (checked ${checkedLines} document lines at ${at})`,
        };
      return {
        status: 'fail',
        detail: `${drift.length} reservation rows differ: ${describeReservationDrift(drift)} — see docs/operations.md`,
      };
    },
  };
}
