import type { PinDirectory, PinRecord } from '../../../platform/geo/pin-directory.js';

/** Service types DTDC knows (seen in public integrations); the allowed set is per account. */
export const knownServiceTypes = [
  'B2C PRIORITY',
  'B2C SMART EXPRESS',
  'B2C PREMIUM',
  'B2C GROUND ECONOMY',
  'PRIORITY',
  'GROUND EXPRESS',
  'PREMIUM',
  'GEC',
  'STD EXP-A',
];
/** [SYNTHETIC] the sandbox account's enabled services. */
export const enabledServiceTypes = ['B2C PRIORITY', 'B2C SMART EXPRESS', 'B2C GROUND ECONOMY'];

/** [SYNTHETIC] island territories: B2C ground only, no cash on delivery. */
const islandStates = new Set(['Andaman and Nicobar Islands', 'Lakshadweep']);

export interface LaneServiceability {
  serviceable: boolean;
  cod: boolean;
  tatDays: Record<string, number>;
}

/** [SYNTHETIC] lane rules over the India Post directory: same state 2 days, else 4 (+2 ground). */
export function lane(origin: PinRecord, destination: PinRecord): LaneServiceability {
  const island = islandStates.has(origin.state) || islandStates.has(destination.state);
  const base = origin.state === destination.state ? 2 : island ? 7 : 4;
  return {
    serviceable: true,
    cod: !island,
    tatDays: island
      ? { 'B2C GROUND ECONOMY': base + 2 }
      : {
          'B2C PRIORITY': base,
          'B2C SMART EXPRESS': base + 1,
          'B2C GROUND ECONOMY': base + 2,
        },
  };
}

export interface Rejection {
  reason: string;
  message: string;
}

type Body = Record<string, unknown>;
const rec = (v: unknown): Body =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Body) : {};
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const present = (v: unknown) => str(v).trim() !== '';
const positive = (v: unknown) => present(v) && Number.isFinite(Number(v)) && Number(v) > 0;

const mandatory = [
  'customer_code',
  'service_type_id',
  'load_type',
  'dimension_unit',
  'length',
  'width',
  'height',
  'weight_unit',
  'weight',
  'num_pieces',
  'customer_reference_number',
  'commodity_id',
];
const addressFields = ['name', 'phone', 'address_line_1', 'pincode', 'city', 'state'];

/**
 * One softdata consignment checked as the fake DTDC does (§5 "Fake DTDC" 3): the first failed
 * rule wins. Returns `null` when it may be booked. Duplicate references are the store's check.
 */
export async function validateConsignment(
  c: Body,
  customerCode: string,
  pins: PinDirectory,
  options: { rejectNonAscii: boolean },
): Promise<Rejection | null> {
  for (const field of mandatory)
    if (!present(c[field])) return { reason: 'WRONG_INPUT', message: `${field} is mandatory` };
  if (c.is_risk_surcharge_applicable === undefined)
    return { reason: 'WRONG_INPUT', message: 'is_risk_surcharge_applicable is mandatory' };
  for (const side of ['origin_details', 'destination_details']) {
    const address = rec(c[side]);
    for (const field of addressFields)
      if (!present(address[field]))
        return { reason: 'WRONG_INPUT', message: `${side}.${field} is mandatory` };
  }
  const service = str(c.service_type_id);
  if (!knownServiceTypes.includes(service))
    return { reason: 'SERVICE_TYPE_NOT_FOUND', message: 'Service type not found' };
  if (str(c.customer_code) !== customerCode || !enabledServiceTypes.includes(service))
    return {
      reason: 'WRONG_INPUT',
      message: `Consignment Series with service ${service} does not Belong to Client`,
    };
  if (str(c.dimension_unit).toLowerCase() !== 'cm')
    return { reason: 'WRONG_INPUT', message: 'We accept only CM' };
  if (str(c.weight_unit).toLowerCase() !== 'kg')
    return { reason: 'WRONG_INPUT', message: 'We accept only KG' };
  for (const field of ['length', 'width', 'height', 'weight', 'num_pieces'])
    if (!positive(c[field])) return { reason: 'WRONG_INPUT', message: `Invalid ${field}` };
  if (str(c.load_type) === 'NON-DOCUMENT' && !positive(c.declared_value))
    return { reason: 'Invalid Declared Price', message: 'Invalid Declared Price' };
  const pieces = Number(c.num_pieces);
  if (pieces > 1 && (!Array.isArray(c.pieces_detail) || c.pieces_detail.length !== pieces))
    return { reason: 'WRONG_INPUT', message: 'pieces_detail must list every piece of an MPS' };
  const codAmount = Number(str(c.cod_amount) || '0');
  if (!Number.isFinite(codAmount) || codAmount < 0)
    return { reason: 'WRONG_INPUT', message: 'Invalid cod_amount' };
  if (codAmount > 0 && !present(c.cod_collection_mode))
    return { reason: 'WRONG_INPUT', message: 'cod_collection_mode is mandatory for COD' };
  const records: PinRecord[] = [];
  for (const side of ['origin_details', 'destination_details']) {
    const pin = str(rec(c[side]).pincode);
    const record = /^[1-9][0-9]{5}$/.test(pin) ? await pins.lookup(pin) : undefined;
    if (!record) return { reason: 'INVALID_PINCODE', message: `Invalid pincode ${pin}` };
    records.push(record);
  }
  const served = lane(records[0]!, records[1]!);
  if (served.tatDays[service] === undefined)
    return { reason: 'PINCODE_NOT_SERVICEABLE', message: `Lane not serviceable for ${service}` };
  if (codAmount > 0 && !served.cod)
    return { reason: 'COD_NOT_SERVICEABLE', message: 'COD not available on this lane' };
  if (options.rejectNonAscii)
    for (const side of ['origin_details', 'destination_details'])
      // The range starts at NUL on purpose (anything outside 7-bit ASCII), hence the disable.
      // eslint-disable-next-line no-control-regex
      if (/[^\x00-\x7f]/.test(JSON.stringify(c[side])))
        return { reason: 'WRONG_INPUT', message: `Non-ASCII characters in ${side}` };
  return null;
}

/** [SYNTHETIC] chargeable weight in kg: max(dead, volumetric L×W×H/5000), to 3 decimals. */
export function chargeableWeight(c: Body): number {
  const dims = (b: Body) => (Number(b.length) * Number(b.width) * Number(b.height)) / 5000;
  const pieces = Array.isArray(c.pieces_detail) ? (c.pieces_detail as unknown[]).map(rec) : [];
  const volumetric = pieces.length > 0 ? pieces.reduce((s, p) => s + dims(p), 0) : dims(c);
  return Math.round(Math.max(Number(c.weight), volumetric) * 1000) / 1000;
}
