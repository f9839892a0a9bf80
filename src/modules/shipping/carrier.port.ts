/**
 * What SpareFlow needs from a courier, in its own words: weights in grams, lengths in
 * centimetres, money in integer paise, dates as `Date`, AWBs as the carrier spells them. DTDC
 * implements it today (`dtdc/dtdc.adapter.ts`, live or against the sandbox simulator); nothing
 * outside the adapter knows DTDC's JSON.
 *
 * Outcomes are values, not exceptions, wherever the caller must decide what to do next. The one
 * distinction every caller must keep: {@link NotSent} (nothing left our process, or the carrier
 * provably refused the request before acting — safe to retry, nothing to undo) versus
 * {@link UnknownOutcome} (the request may have reached the carrier and we never saw its answer —
 * a timeout after sending, a dropped connection, a 5xx). After an unknown outcome the caller must
 * NOT book again blindly: it recovers with {@link CarrierPort.findByReference} first.
 */
export interface CarrierPort {
  /** The carrier's name for logs, metrics and stored rows (`dtdc`). */
  readonly carrier: string;

  /** Whether the carrier serves the lane, with or without cash on delivery, and its TAT. */
  serviceability(fromPincode: string, toPincode: string): Promise<CarrierResult<Serviceability>>;

  /**
   * Books up to {@link MAX_CONSIGNMENTS_PER_BOOKING} consignments in one request. Each consignment
   * gets its own outcome, in input order: one rejected consignment never fails the others.
   * Not idempotent at the carrier: a call whose outcome is unknown must be recovered with
   * {@link findByReference}, never repeated as is.
   */
  book(consignments: readonly Consignment[]): Promise<BookingResult>;

  /**
   * Recovers the AWB of a consignment booked under our `customerReference` (after an unknown
   * outcome). DTDC has no lookup by reference on its booking API: the adapter tracks with
   * `trkType: "reference"` on the tracking API and reads the AWB from the track header. The
   * sandbox simulator answers the same tracking call from its own table of booked consignments.
   * `null` means the carrier has no consignment under that reference (safe to book again).
   */
  findByReference(customerReference: string): Promise<CarrierResult<{ awb: string } | null>>;

  /** The shipping label of a booked AWB (a PDF, as bytes or as base64 text). */
  label(awb: string, options: LabelOptions): Promise<CarrierResult<Label>>;

  /** Cancels booked AWBs (only meaningful before pickup); one outcome per AWB. */
  cancel(awbs: readonly string[]): Promise<CarrierResult<CancelOutcome[]>>;

  /**
   * The scans of each AWB exactly as the carrier reported them (codes, texts, dates unparsed)
   * plus the parsed instant: status mapping is the caller's rule, kept out of the adapter so a
   * new scan code never loses data.
   */
  track(awbs: readonly string[]): Promise<CarrierResult<TrackingOutcome[]>>;
}

/** DTDC's documented limit for one softdata request. */
export const MAX_CONSIGNMENTS_PER_BOOKING = 20;

/** A whole-request failure: the request did not reach the carrier or was refused as a whole. */
export interface NotSent {
  readonly kind: 'not_sent';
  /**
   * `unreachable` (connect failed on every URL, or a circuit breaker is open), `auth` (401 —
   * credentials wrong: fix config, do not retry), `invalid_request` (400 for the whole request).
   */
  readonly reason: 'unreachable' | 'auth' | 'invalid_request';
  readonly message: string;
  readonly retryable: boolean;
}

/** The request may have been received and acted on; its result is not known. */
export interface UnknownOutcome {
  readonly kind: 'unknown';
  /** `timeout`, `network` (connection lost after sending), `server_error` (5xx), `bad_response`. */
  readonly reason: 'timeout' | 'network' | 'server_error' | 'bad_response';
  readonly message: string;
}

export type CarrierFailure = NotSent | UnknownOutcome;

export type CarrierResult<T> = { readonly kind: 'ok'; readonly value: T } | CarrierFailure;

/** The result of {@link CarrierPort.book}: per consignment when the carrier answered. */
export type BookingResult =
  { readonly kind: 'answered'; readonly outcomes: ConsignmentOutcome[] } | CarrierFailure;

export type ConsignmentOutcome =
  | {
      readonly kind: 'booked';
      readonly customerReference: string;
      readonly awb: string;
      /** One AWB per piece (`<AWB>001`, `<AWB>002`, …) in piece order. */
      readonly pieceAwbs: string[];
      /** The carrier's chargeable weight in grams, when it reports one. */
      readonly chargeableWeightGrams: number | null;
    }
  | {
      readonly kind: 'rejected';
      readonly customerReference: string;
      /** The carrier's reason code (`SERVICE_TYPE_NOT_FOUND`, `INVALID_PINCODE`, …). */
      readonly reason: string;
      readonly message: string;
      /** The carrier says a retry may succeed (`should_retry`); a validation error never does. */
      readonly retryable: boolean;
    }
  | {
      /** The carrier said "success" but gave no AWB: treated like an unknown outcome. */
      readonly kind: 'unknown';
      readonly customerReference: string;
      readonly message: string;
    };

export interface Address {
  readonly name: string;
  readonly phone: string;
  readonly addressLine1: string;
  readonly addressLine2?: string;
  readonly email?: string;
  readonly pincode: string;
  readonly city: string;
  readonly state: string;
}

/** One box of a multi-piece consignment. */
export interface Piece {
  readonly description: string;
  readonly declaredValuePaise: number;
  readonly weightGrams: number;
  readonly lengthCm: number;
  readonly widthCm: number;
  readonly heightCm: number;
}

export interface Consignment {
  /** `forward` delivery, or `reverse` pickup from the destination back to the origin. */
  readonly kind: 'forward' | 'reverse';
  /** Our unique reference (the shipment id); echoed by the carrier and used to recover AWBs. */
  readonly customerReference: string;
  /** The carrier's service (DTDC `service_type_id`); the adapter's default when absent. */
  readonly serviceType?: string;
  readonly description: string;
  readonly declaredValuePaise: number;
  /** Cash to collect on delivery; 0 for prepaid. */
  readonly codAmountPaise: number;
  readonly origin: Address;
  readonly destination: Address;
  /** Where an undelivered consignment returns, when not the origin. */
  readonly returnAddress?: Address;
  /** At least one piece; more than one makes a multi-piece (MPS) consignment. */
  readonly pieces: readonly Piece[];
  readonly invoiceNumber?: string;
  readonly ewayBill?: string;
}

export interface Serviceability {
  readonly serviceable: boolean;
  readonly codAvailable: boolean;
  /** Transit time in days per carrier service code, when the carrier lists them. */
  readonly tatDaysByService: Readonly<Record<string, number>>;
  /** The carrier's message when not serviceable ("DESTPIN is not valid"). */
  readonly message: string;
}

export interface LabelOptions {
  readonly format: 'pdf' | 'base64';
  readonly size: '4x6' | 'A4';
}

export type Label =
  | { readonly format: 'pdf'; readonly awb: string; readonly pdf: Buffer }
  | { readonly format: 'base64'; readonly awb: string; readonly base64: string };

export type CancelOutcome =
  | { readonly awb: string; readonly kind: 'cancelled' }
  | { readonly awb: string; readonly kind: 'refused'; readonly message: string };

/** One scan, verbatim from the carrier, plus its instant parsed from the carrier's IST fields. */
export interface RawScan {
  readonly code: string;
  readonly action: string;
  readonly origin: string;
  readonly destination: string;
  readonly remarks: string;
  /** `null` when the carrier's date/time could not be parsed. */
  readonly at: Date | null;
  /** The carrier's scan object untouched. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export type TrackingOutcome =
  | {
      readonly awb: string;
      readonly kind: 'found';
      readonly status: string;
      readonly rtoAwb: string | null;
      readonly customerReference: string | null;
      readonly scans: RawScan[];
      /** The carrier's header object untouched. */
      readonly rawHeader: Readonly<Record<string, unknown>>;
    }
  | { readonly awb: string; readonly kind: 'not_found'; readonly message: string };
