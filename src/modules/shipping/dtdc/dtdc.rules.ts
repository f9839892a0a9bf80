import type {
  Address,
  CancelOutcome,
  Consignment,
  ConsignmentOutcome,
  RawScan,
  Serviceability,
} from '../carrier.port.js';

/** Account settings the softdata body needs besides the consignment itself. */
export interface DtdcAccount {
  readonly customerCode: string;
  readonly serviceType: string;
  readonly commodityId: string;
}

/** Paise as DTDC's rupee string: `245000` → `"2450"`, `245050` → `"2450.50"`. */
export function rupees(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0) throw new RangeError(`bad paise ${paise}`);
  const whole = Math.trunc(paise / 100);
  const rest = paise % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** Grams as DTDC's kilogram string, exact to the gram: `1200` → `"1.2"`. */
export function kilograms(grams: number): string {
  if (!Number.isSafeInteger(grams) || grams <= 0) throw new RangeError(`bad grams ${grams}`);
  const whole = Math.trunc(grams / 1000);
  const rest = grams % 1000;
  return rest === 0
    ? String(whole)
    : `${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}

const address = (a: Address) => ({
  name: a.name,
  phone: a.phone,
  address_line_1: a.addressLine1,
  address_line_2: a.addressLine2 ?? '',
  email: a.email ?? '',
  pincode: a.pincode,
  city: a.city,
  state: a.state,
});

/**
 * One consignment as DTDC's softdata v2 expects it. The consignment's weight is the sum of its
 * pieces and its dimensions those of its largest piece (DTDC computes the chargeable weight
 * from `pieces_detail` for an MPS); `pieces_detail` is sent only for more than one piece, as
 * DTDC's doc requires it for MPS only. A reverse pickup is `consignment_type: "Reverse"`.
 */
export function toSoftdataConsignment(c: Consignment, account: DtdcAccount) {
  if (c.pieces.length === 0) throw new RangeError('a consignment has at least one piece');
  const totalGrams = c.pieces.reduce((sum, p) => sum + p.weightGrams, 0);
  const largest = c.pieces.reduce((big, p) =>
    p.lengthCm * p.widthCm * p.heightCm > big.lengthCm * big.widthCm * big.heightCm ? p : big,
  );
  const cod = c.codAmountPaise > 0;
  return {
    customer_code: account.customerCode,
    service_type_id: c.serviceType ?? account.serviceType,
    load_type: 'NON-DOCUMENT',
    description: c.description,
    dimension_unit: 'cm',
    length: String(largest.lengthCm),
    width: String(largest.widthCm),
    height: String(largest.heightCm),
    weight_unit: 'kg',
    weight: kilograms(totalGrams),
    declared_value: rupees(c.declaredValuePaise),
    num_pieces: String(c.pieces.length),
    origin_details: address(c.origin),
    destination_details: address(c.destination),
    ...(c.returnAddress
      ? {
          return_details: {
            name: c.returnAddress.name,
            phone: c.returnAddress.phone,
            address_line_1: c.returnAddress.addressLine1,
            address_line_2: c.returnAddress.addressLine2 ?? '',
            email: c.returnAddress.email ?? '',
            pincode: c.returnAddress.pincode,
            city_name: c.returnAddress.city,
            state_name: c.returnAddress.state,
          },
        }
      : {}),
    customer_reference_number: c.customerReference,
    commodity_id: account.commodityId,
    is_risk_surcharge_applicable: false,
    cod_collection_mode: cod ? 'CASH' : '',
    cod_amount: cod ? rupees(c.codAmountPaise) : '0',
    reference_number: '',
    consignment_type: c.kind === 'reverse' ? 'Reverse' : 'Forward',
    ...(c.invoiceNumber ? { invoice_number: c.invoiceNumber } : {}),
    ...(c.ewayBill ? { eway_bill: c.ewayBill } : {}),
    ...(c.pieces.length > 1
      ? {
          pieces_detail: c.pieces.map((p) => ({
            description: p.description,
            declared_value: rupees(p.declaredValuePaise),
            weight: kilograms(p.weightGrams),
            length: String(p.lengthCm),
            width: String(p.widthCm),
            height: String(p.heightCm),
          })),
        }
      : {}),
  };
}

export type SoftdataConsignment = ReturnType<typeof toSoftdataConsignment>;

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/**
 * Maps a 200 softdata answer to one outcome per sent consignment, in input order. Success needs
 * `status: "OK"`, `success: true` AND a non-empty `reference_number` (DTDC's own plugin guards
 * against `success` without an AWB; we call that an unknown outcome so the caller recovers by
 * reference). `null` when the body is not the documented envelope at all (whole answer unknown).
 */
export function mapSoftdataResponse(
  body: unknown,
  sentReferences: readonly string[],
): ConsignmentOutcome[] | null {
  const envelope = record(body);
  if (envelope.status !== 'OK' || !Array.isArray(envelope.data)) return null;
  const data = envelope.data as unknown[];
  return sentReferences.map((reference, index): ConsignmentOutcome => {
    const entry = record(data[index]);
    const customerReference = reference;
    if (data[index] === undefined)
      return { kind: 'unknown', customerReference, message: 'no entry for this consignment' };
    if (entry.success === true) {
      const awb = text(entry.reference_number).trim();
      if (awb === '')
        return { kind: 'unknown', customerReference, message: 'success without an AWB' };
      const pieces = Array.isArray(entry.pieces) ? (entry.pieces as unknown[]) : [];
      const weight = typeof entry.chargeable_weight === 'number' ? entry.chargeable_weight : null;
      return {
        kind: 'booked',
        customerReference,
        awb,
        pieceAwbs: pieces.map((p) => text(record(p).reference_number)).filter((s) => s !== ''),
        chargeableWeightGrams: weight === null ? null : Math.round(weight * 1000),
      };
    }
    return {
      kind: 'rejected',
      customerReference,
      reason: text(entry.reason) || 'UNKNOWN',
      message: text(entry.message) || text(entry.reason) || 'rejected',
      retryable: entry.should_retry === true,
    };
  });
}

/** The `{error:{message,reason}}` envelope of DTDC's 400/401 answers, as one line. */
export function errorMessage(body: unknown, fallback: string): string {
  const error = record(record(body).error);
  const message = text(error.message);
  const reason = text(error.reason);
  return message || reason ? `${reason}${reason && message ? ': ' : ''}${message}` : fallback;
}

/**
 * A cancel answer, one outcome per requested AWB. Successes come from `successConsignments`;
 * failures from `failures` or `failure` (integrators see both; the shape is undocumented). An
 * AWB in neither list is refused with "no answer for this AWB".
 */
export function mapCancelResponse(body: unknown, awbs: readonly string[]): CancelOutcome[] {
  const envelope = record(body);
  const ok = new Set<string>();
  for (const item of Array.isArray(envelope.successConsignments)
    ? (envelope.successConsignments as unknown[])
    : []) {
    const entry = record(item);
    if (entry.success !== false) ok.add(text(entry.reference_number));
  }
  const failed = new Map<string, string>();
  const failures = Array.isArray(envelope.failures)
    ? envelope.failures
    : Array.isArray(envelope.failure)
      ? envelope.failure
      : [];
  for (const item of failures as unknown[]) {
    const entry = record(item);
    const awb = text(entry.reference_number) || text(entry.AWBNo);
    failed.set(awb, text(entry.message) || text(entry.reason) || 'refused');
  }
  return awbs.map((awb) =>
    ok.has(awb)
      ? { awb, kind: 'cancelled' }
      : { awb, kind: 'refused', message: failed.get(awb) ?? 'no answer for this AWB' },
  );
}

/**
 * DTDC's IST date (`DDMMYYYY`) and time (`HHMM` or `HH:MM:SS`) as an instant; `null` when
 * either does not parse. IST is UTC+05:30 all year.
 */
export function parseIstDateTime(date: string, time: string): Date | null {
  const d = /^(\d{2})(\d{2})(\d{4})$/.exec(date.trim());
  const t = /^(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(time.trim());
  if (!d || !t) return null;
  const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - 330 * 60_000;
  const at = new Date(utc);
  // Rejects 31 Feb and the like: the IST calendar day must round-trip.
  const ist = new Date(utc + 330 * 60_000);
  return ist.getUTCDate() === day && ist.getUTCMonth() === month - 1 ? at : null;
}

/** One `trackDetails` entry, verbatim, plus its parsed instant (`sTrRemarks` or `strRemarks`). */
export function toRawScan(item: unknown): RawScan {
  const scan = record(item);
  return {
    code: text(scan.strCode),
    action: text(scan.strAction),
    origin: text(scan.strOrigin),
    destination: text(scan.strDestination),
    remarks: text(scan.sTrRemarks) || text(scan.strRemarks),
    at: parseIstDateTime(text(scan.strActionDate), text(scan.strActionTime)),
    raw: scan,
  };
}

/**
 * The pincode API's answer: serviceable when `MESSAGE` is `SUCCESS` and either
 * `b2C_SERVICEABLE` is `YES` or `SERVFLAG` is `Y`; COD likewise from `b2C_COD_Serviceable` or
 * `SERV_COD`. TAT per service from `SERV_LIST_DTLS`.
 */
export function mapPincodeResponse(body: unknown): Serviceability {
  const root = record(body);
  const zip = record(Array.isArray(root.ZIPCODE_RESP) ? root.ZIPCODE_RESP[0] : undefined);
  const serv = record(Array.isArray(root.SERV_LIST) ? root.SERV_LIST[0] : undefined);
  const yes = (v: unknown) => ['YES', 'Y'].includes(text(v).toUpperCase());
  const message = text(zip.MESSAGE) || 'no answer';
  const success = message.toUpperCase() === 'SUCCESS';
  const tat: Record<string, number> = {};
  for (const item of Array.isArray(root.SERV_LIST_DTLS) ? (root.SERV_LIST_DTLS as unknown[]) : []) {
    const entry = record(item);
    const days = Number(text(entry.TAT));
    const code = text(entry.CODE) || text(entry.NAME);
    if (code !== '' && Number.isFinite(days)) tat[code] = days;
  }
  return {
    serviceable: success && (yes(serv.b2C_SERVICEABLE) || yes(zip.SERVFLAG)),
    codAvailable: success && (yes(serv.b2C_COD_Serviceable) || yes(zip.SERV_COD)),
    tatDaysByService: tat,
    message,
  };
}
