import type { Db } from '../../platform/db/database.js';
import type { DoctorCheck } from '../../platform/health/doctor-check.js';
import { rateCardRepository } from './rate-card.repository.js';

/** The version the migration seeds: test-fixture numbers (docs/pricing.md). */
export const seededRateCardId = '00000000-0000-4000-8000-00000000ca01';

/**
 * `spareflow doctor`: which rate card prices shipments now. A warning while the seeded card of
 * test-fixture numbers is in force in production (nobody should be charged by it); a failure when
 * no version is in force (every quote would fail).
 */
export function rateCardDoctorCheck(db: Db, isProduction: boolean): DoctorCheck {
  return {
    name: 'rate card',
    async run() {
      const version = await rateCardRepository.versionInForce(db, new Date());
      if (!version) return { status: 'fail', detail: 'no rate card version is in force' };
      const what = `version ${version.number} in force since ${version.effectiveFrom.toISOString()}`;
      if (version.id === seededRateCardId)
        return {
          status: isProduction ? 'warn' : 'info',
          detail: `${what}: the seeded card of test-fixture prices; create the contracted card as a new version`,
        };
      return { status: 'ok', detail: what };
    },
  };
}
