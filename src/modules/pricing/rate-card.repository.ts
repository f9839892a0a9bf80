import { and, asc, desc, eq, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { IndianState } from '../../platform/geo/indian-states.js';
import { organizationDirectory } from '../identity/index.js';
import {
  rateCardMarkupRules,
  rateCardMetroCities,
  rateCardServices,
  rateCardSlabs,
  rateCardSpecialRegions,
  rateCardVersions,
} from './pricing.tables.js';
import {
  zones,
  type MarkupPartyType,
  type RateCard,
  type RateCardTerms,
  type ServiceRates,
  type Zone,
} from './rate-card.js';

export type RateCardVersionRow = typeof rateCardVersions.$inferSelect;

/** What a new version records besides its terms. */
export interface NewVersionMeta {
  effectiveFrom: Date;
  basedOnId: string | null;
  note: string;
  createdByUserId: string | null;
}

/**
 * Rate card versions: written whole in one transaction (the migration's triggers refuse rows
 * added to a version later, and any update or delete), read whole by id.
 */
export const rateCardRepository = {
  /**
   * Inserts a version and all its rows; call inside the creating transaction, not in a savepoint
   * (the migration's trigger admits a version's rows only from the transaction whose id wrote
   * the version row, and a savepoint writes under a subtransaction id).
   */
  async insert(db: Db, terms: RateCardTerms, meta: NewVersionMeta): Promise<RateCardVersionRow> {
    const [version] = await db
      .insert(rateCardVersions)
      .values({
        effectiveFrom: meta.effectiveFrom,
        basedOnId: meta.basedOnId,
        note: meta.note,
        volumetricDivisor: terms.volumetricDivisor,
        fuelSurchargeBps: terms.fuelSurchargeBps,
        codFlatPaise: terms.cod.flatPaise,
        codPercentBps: terms.cod.percentBps,
        createdByUserId: meta.createdByUserId,
      })
      .returning();
    if (!version) throw new Error('rate card version insert returned no row');
    const versionId = version.id;
    await db.insert(rateCardServices).values(
      terms.services.map((service, position) => ({
        versionId,
        serviceType: service.serviceType,
        label: service.label,
        position,
        firstSlabGrams: service.firstSlabGrams,
        additionalSlabGrams: service.additionalSlabGrams,
      })),
    );
    await db.insert(rateCardSlabs).values(
      terms.services.flatMap((service) =>
        zones.map((zone) => ({
          versionId,
          serviceType: service.serviceType,
          zone,
          firstSlabPaise: service.slabs[zone].firstSlabPaise,
          additionalSlabPaise: service.slabs[zone].additionalSlabPaise,
        })),
      ),
    );
    await db
      .insert(rateCardMarkupRules)
      .values(terms.markupRules.map((rule) => ({ versionId, ...rule })));
    if (terms.metroCities.length > 0)
      await db
        .insert(rateCardMetroCities)
        .values(terms.metroCities.map((metro) => ({ versionId, ...metro })));
    if (terms.specialRegions.length > 0)
      await db
        .insert(rateCardSpecialRegions)
        .values(terms.specialRegions.map((region) => ({ versionId, ...region })));
    return version;
  },

  async findVersion(db: Db, id: string): Promise<RateCardVersionRow | undefined> {
    const [row] = await db.select().from(rateCardVersions).where(eq(rateCardVersions.id, id));
    return row;
  },

  /** The version in force at `at`: the latest effective date not after it, newest on a tie. */
  async versionInForce(db: Db, at: Date): Promise<RateCardVersionRow | undefined> {
    const [row] = await db
      .select()
      .from(rateCardVersions)
      .where(lte(rateCardVersions.effectiveFrom, at))
      .orderBy(desc(rateCardVersions.effectiveFrom), desc(rateCardVersions.number))
      .limit(1);
    return row;
  },

  /** Versions, newest first, `limit` after the one numbered `beforeNumber`. */
  async page(db: Db, limit: number, beforeNumber: number | undefined) {
    return db
      .select()
      .from(rateCardVersions)
      .where(beforeNumber === undefined ? undefined : lt(rateCardVersions.number, beforeNumber))
      .orderBy(desc(rateCardVersions.number))
      .limit(limit);
  },

  /** A version's terms, assembled from its rows. */
  async terms(db: Db, version: RateCardVersionRow): Promise<RateCard> {
    const versionId = version.id;
    const [services, slabs, markupRules, metroCities, specialRegions] = await Promise.all([
      db
        .select()
        .from(rateCardServices)
        .where(eq(rateCardServices.versionId, versionId))
        .orderBy(asc(rateCardServices.position)),
      db.select().from(rateCardSlabs).where(eq(rateCardSlabs.versionId, versionId)),
      db
        .select()
        .from(rateCardMarkupRules)
        .where(eq(rateCardMarkupRules.versionId, versionId))
        .orderBy(asc(rateCardMarkupRules.brandId), asc(rateCardMarkupRules.partyType)),
      db
        .select({ city: rateCardMetroCities.city, metro: rateCardMetroCities.metro })
        .from(rateCardMetroCities)
        .where(eq(rateCardMetroCities.versionId, versionId))
        .orderBy(asc(rateCardMetroCities.metro), asc(rateCardMetroCities.city)),
      db
        .select({ state: rateCardSpecialRegions.state, region: rateCardSpecialRegions.region })
        .from(rateCardSpecialRegions)
        .where(eq(rateCardSpecialRegions.versionId, versionId))
        .orderBy(asc(rateCardSpecialRegions.region), asc(rateCardSpecialRegions.state)),
    ]);
    return {
      id: version.id,
      number: version.number,
      effectiveFrom: version.effectiveFrom,
      volumetricDivisor: version.volumetricDivisor,
      fuelSurchargeBps: version.fuelSurchargeBps,
      cod: { flatPaise: version.codFlatPaise, percentBps: version.codPercentBps },
      services: services.map((service): ServiceRates => {
        const own = slabs.filter((slab) => slab.serviceType === service.serviceType);
        const priceOf = (zone: Zone) => {
          const slab = own.find((s) => s.zone === zone);
          if (!slab) throw new Error(`rate card ${version.number}: no ${zone} slab`);
          return {
            firstSlabPaise: slab.firstSlabPaise,
            additionalSlabPaise: slab.additionalSlabPaise,
          };
        };
        return {
          serviceType: service.serviceType,
          label: service.label,
          firstSlabGrams: service.firstSlabGrams,
          additionalSlabGrams: service.additionalSlabGrams,
          slabs: Object.fromEntries(zones.map((zone) => [zone, priceOf(zone)])) as Record<
            Zone,
            ReturnType<typeof priceOf>
          >,
        };
      }),
      markupRules: markupRules.map((rule) => ({
        brandId: rule.brandId,
        partyType: rule.partyType as MarkupPartyType | null,
        percentBps: rule.percentBps,
        minimumPaise: rule.minimumPaise,
      })),
      metroCities,
      specialRegions: specialRegions.map((r) => ({ ...r, state: r.state as IndianState })),
    };
  },

  /** Of `ids`, those naming a brand (markup overrides are per brand), with their names. */
  async brands(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: organizationDirectory.id, name: organizationDirectory.name })
      .from(organizationDirectory)
      .where(
        and(inArray(organizationDirectory.id, [...ids]), eq(organizationDirectory.type, 'brand')),
      );
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};
