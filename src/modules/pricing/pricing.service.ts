import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { PinDirectory } from '../../platform/geo/pin-directory.js';
import type { Caller } from '../../platform/http/caller.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { NewRateCard, QuoteRequest } from './pricing.schemas.js';
import { quoteShipment, QuoteRefusal, type MarkupSubject, type Quote } from './quote.rules.js';
import { rateCardRepository, type RateCardVersionRow } from './rate-card.repository.js';
import type { RateCard, RateCardTerms } from './rate-card.js';
import { rateCardIssues } from './rate-card.rules.js';
import { reversePayer, type ReversePayer } from './reverse-payer.rules.js';
import type { Place } from './zone.rules.js';

export interface PricingDeps {
  pool: pg.Pool;
  db: Db;
  /** India Post's PIN directory: city and state of each end decide the zone. */
  pins: PinDirectory;
}

/**
 * The rate card in force at `at` (now by default), whole. Bookings price with it and keep its
 * `id`; the installation's migration seeds version 1, so there is always one.
 */
export async function currentRateCard(db: Db, at: Date = new Date()): Promise<RateCard> {
  const version = await rateCardRepository.versionInForce(db, at);
  if (!version) throw new Error(`no rate card is in force at ${at.toISOString()}`);
  return rateCardRepository.terms(db, version);
}

/** A version by id, whole (a booking re-explains its price with it), or undefined. */
export async function rateCardVersion(db: Db, id: string): Promise<RateCard | undefined> {
  const version = await rateCardRepository.findVersion(db, id);
  return version && rateCardRepository.terms(db, version);
}

/** Whose markup a quote carries: the payer's type, and the brand's id when the brand pays itself. */
function markupSubject(caller: Caller, payer: ReversePayer | undefined): MarkupSubject {
  const own = caller.organizationType;
  const ownBrand = own === 'brand' ? caller.organizationId : null;
  switch (payer) {
    case undefined:
      return { partyType: own, brandId: ownBrand };
    case 'brand':
      return { partyType: 'brand', brandId: ownBrand };
    case 'partner':
      return {
        partyType: own === 'distributor' || own === 'service_center' ? own : 'service_center',
        brandId: null,
      };
    case 'customer':
      return { partyType: 'customer', brandId: null };
  }
}

async function placeOf(pins: PinDirectory, pin: string, path: string, errors: FieldError[]) {
  const record = await pins.lookup(pin);
  if (!record) errors.push({ path, message: `India Post has no PIN code ${pin}` });
  return record && ({ pin, state: record.state, cities: record.cities } satisfies Place);
}

/**
 * `POST /rates/quote`: the price of a shipment on the card in force, for the caller as payer (or,
 * for a reverse shipment, the party its return reason makes pay).
 */
export async function quoteForCaller(
  deps: PricingDeps,
  caller: Caller,
  body: QuoteRequest,
): Promise<Quote> {
  const errors: FieldError[] = [];
  const origin = await placeOf(deps.pins, body.originPincode, 'body.originPincode', errors);
  const destination = await placeOf(
    deps.pins,
    body.destinationPincode,
    'body.destinationPincode',
    errors,
  );
  if (!origin || !destination)
    throw new AppError('UNKNOWN_PINCODE', {
      detail: errors.map((e) => e.message).join('; '),
      errors,
    });
  const card = await currentRateCard(deps.db);
  const payer =
    body.shipmentKind === 'reverse' && body.returnReason
      ? reversePayer(body.returnReason)
      : undefined;
  try {
    return quoteShipment(card, {
      origin,
      destination,
      serviceType: body.serviceType,
      codAmountPaise: body.codAmountPaise,
      boxes: body.boxes,
      markup: markupSubject(caller, payer),
      payer,
    });
  } catch (error) {
    if (!(error instanceof QuoteRefusal)) throw error;
    throw new AppError('SERVICE_TYPE_NOT_PRICED', {
      detail: error.message,
      errors: [{ path: 'body.serviceType', message: error.message }],
      extensions: { serviceTypes: card.services.map((s) => s.serviceType) },
    });
  }
}

export type RateCardStatus = 'in_force' | 'scheduled' | 'superseded';

function statusOf(row: RateCardVersionRow, inForceId: string | undefined, now: Date) {
  if (row.id === inForceId) return 'in_force' as const;
  return row.effectiveFrom > now ? ('scheduled' as const) : ('superseded' as const);
}

function summaryOf(row: RateCardVersionRow, status: RateCardStatus) {
  return {
    id: row.id,
    number: row.number,
    effectiveFrom: row.effectiveFrom.toISOString(),
    status,
    basedOnId: row.basedOnId,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Versions, newest first, with their status now. */
export async function listRateCards(db: Db, query: { limit: number; cursor?: string | undefined }) {
  const now = new Date();
  const before = query.cursor ? await rateCardRepository.findVersion(db, query.cursor) : undefined;
  // A cursor naming no version ends the list, as a cursor past the last version would.
  if (query.cursor && !before) return { items: [], nextCursor: null };
  const [rows, inForce] = await Promise.all([
    rateCardRepository.page(db, query.limit + 1, before?.number),
    rateCardRepository.versionInForce(db, now),
  ]);
  const items = rows
    .slice(0, query.limit)
    .map((row) => summaryOf(row, statusOf(row, inForce?.id, now)));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null };
}

/** One version, whole, for administrators (markup rules name their brands). */
export async function getRateCard(db: Db, id: string) {
  const row = await rateCardRepository.findVersion(db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'No such rate card version.' });
  const now = new Date();
  const [terms, inForce] = await Promise.all([
    rateCardRepository.terms(db, row),
    rateCardRepository.versionInForce(db, now),
  ]);
  const brandNames = await rateCardRepository.brands(
    db,
    terms.markupRules.flatMap((rule) => (rule.brandId ? [rule.brandId] : [])),
  );
  return {
    ...summaryOf(row, statusOf(row, inForce?.id, now)),
    ...termsOf(terms),
    markupRules: terms.markupRules.map((rule) => ({
      ...rule,
      brandName: rule.brandId ? (brandNames.get(rule.brandId) ?? null) : null,
    })),
  };
}

/** The card in force for members: services, surcharges and zone data (no markup rules). */
export async function rateCardInForce(db: Db) {
  const card = await currentRateCard(db);
  const row = await rateCardRepository.findVersion(db, card.id);
  if (!row) throw new Error('the version in force vanished');
  const { markupRules: _private, ...terms } = termsOf(card);
  void _private;
  return { ...summaryOf(row, 'in_force'), ...terms };
}

function termsOf(card: RateCard): RateCardTerms {
  return {
    volumetricDivisor: card.volumetricDivisor,
    fuelSurchargeBps: card.fuelSurchargeBps,
    cod: card.cod,
    services: card.services,
    markupRules: card.markupRules,
    metroCities: card.metroCities,
    specialRegions: card.specialRegions,
  };
}

/** Clock skew and a slow form allowed when "now" is sent as the effective date. */
const pastTolerance = 60_000;

/**
 * A new version from an administrator: checked against the card rules, effective now or later
 * (never in the past: what was quoted stays quoted), written whole and audited in one
 * transaction. Versions are never edited; this is the only way a price changes.
 */
export async function createRateCard(
  deps: PricingDeps,
  caller: Caller,
  input: NewRateCard,
  audit: AuditContext,
) {
  const now = Date.now();
  const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : new Date(now);
  const { effectiveFrom: _e, basedOnId, note, ...terms } = input;
  void _e;
  const issues = rateCardIssues(terms);
  if (effectiveFrom.getTime() < now - pastTolerance)
    issues.push({ path: 'body.effectiveFrom', message: 'Must not be in the past.' });
  const brandIds = [...new Set(terms.markupRules.flatMap((r) => (r.brandId ? [r.brandId] : [])))];
  const brands = await rateCardRepository.brands(deps.db, brandIds);
  terms.markupRules.forEach((rule, r) => {
    if (rule.brandId && !brands.has(rule.brandId))
      issues.push({ path: `body.markupRules.${r}.brandId`, message: 'No brand has this id.' });
  });
  if (basedOnId && !(await rateCardRepository.findVersion(deps.db, basedOnId)))
    issues.push({ path: 'body.basedOnId', message: 'No such rate card version.' });
  if (issues.length > 0)
    throw new AppError('RATE_CARD_INVALID', {
      detail: issues.map((i) => `${i.path}: ${i.message}`).join(' '),
      errors: issues,
    });
  const row = await inTransaction(deps.pool, async (tx) => {
    const version = await rateCardRepository.insert(tx.db, terms, {
      effectiveFrom,
      basedOnId,
      note,
      createdByUserId: caller.kind === 'user' ? caller.userId : null,
    });
    await recordAudit(tx, {
      ...audit,
      organizationId: caller.organizationId,
      action: 'rate_card.version_created',
      entityType: 'rate_card_version',
      entityId: version.id,
      after: { number: version.number, effectiveFrom: effectiveFrom.toISOString(), note, ...terms },
    });
    return version;
  });
  return getRateCard(deps.db, row.id);
}
