/**
 * The closed set of error codes the API returns, each with its one HTTP status.
 * Typed as `Record<ErrorCode, …>` so adding a code without a status fails the build.
 * Codes are part of the public contract: never rename one, only add.
 */
export const errorCatalog = {
  /** A request body, query or path parameter failed schema validation; `errors` lists each field. */
  VALIDATION_FAILED: { status: 400, title: 'Validation failed' },
  /** The body claimed to be JSON but could not be parsed. */
  MALFORMED_JSON: { status: 400, title: 'Malformed JSON body' },
  /** No valid credentials were presented. */
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  /**
   * Login failed: unknown e-mail, wrong password, or an `organizationId` the user does not belong
   * to. Deliberately one answer for all of them, so it does not reveal which e-mails exist.
   */
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid credentials' },
  /**
   * An e-mailed single-use token (password reset, e-mail verification) is unknown, already used,
   * or expired. One answer for all three; the user asks for a new link.
   */
  TOKEN_INVALID: { status: 400, title: 'Token invalid or expired' },
  /** The caller's organization is suspended; its members cannot log in or refresh sessions. */
  ORGANIZATION_SUSPENDED: { status: 403, title: 'Organization suspended' },
  /**
   * A browser request authenticated by the session cookie failed the CSRF check: the
   * `X-CSRF-Token` header is missing or differs from the `sf_csrf` cookie, or the `Origin` is
   * neither this server nor a configured CORS origin. The page reloads and signs in again.
   */
  CSRF_TOKEN_INVALID: { status: 403, title: 'CSRF check failed' },
  /** The caller is known but its role does not allow this action. */
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  /** The resource does not exist or belongs to another organization (never distinguished). */
  NOT_FOUND: { status: 404, title: 'Not found' },
  /** The path exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  /** The request conflicts with the current state of the resource. */
  CONFLICT: { status: 409, title: 'Conflict' },
  /**
   * A partner invitation token is unknown, already accepted or past its 7-day expiry. One answer
   * for all three, so a token's history is not revealed.
   */
  INVITATION_INVALID: { status: 400, title: 'Invitation invalid' },
  /**
   * A valid partner invitation, but the signed-in user's e-mail is not the address it was sent
   * to (compared without regard to case). An invitation is accepted by an owner or admin of the
   * joining organization signed in with the invited address; the token alone is not enough. The
   * answer does not name the address; the invitation stays usable.
   */
  INVITATION_EMAIL_MISMATCH: { status: 403, title: 'Invitation sent to another address' },
  /** An `Idempotency-Key` was reused with a different request body. */
  IDEMPOTENCY_KEY_REUSED: { status: 409, title: 'Idempotency key reused' },
  /** A part with this part number already exists in the brand's catalog (case-insensitive). */
  DUPLICATE_PART_NUMBER: { status: 409, title: 'Duplicate part number' },
  /**
   * The stock change would make available stock (on hand − reserved) or in-transit stock
   * negative at some location; nothing of the request was applied. `errors` names the lines
   * (field paths); the `lines` extension carries each refused line's data:
   * `{ line, locationId, partId, counter, onHand, reserved, inTransit, available, requested }`
   * (`counter`: `available`, `reserved` or `in_transit`, the one that would go below zero;
   * `requested`: how much of it the request's lines for that level asked).
   */
  INSUFFICIENT_STOCK: { status: 409, title: 'Insufficient stock' },
  /**
   * A release, consumption or handover asks more of a document's reservation than the document
   * still holds for that location × part — including a document that holds nothing there (never
   * reserved, already released, or another document). Nothing was applied. `errors` names the
   * lines; the `lines` extension carries
   * `{ line, referenceType, referenceId, locationId, partId, held, requested }`.
   */
  RESERVATION_EXCEEDED: { status: 409, title: 'Reservation exceeded' },
  /**
   * The wallet's available balance (balance − held) does not cover the amount: a hold for a
   * booking, a refund or a manual debit. Nothing was applied. Extensions: `availablePaise` (what
   * was available) and `requiredPaise` (what the operation needed). Top up, then retry.
   */
  INSUFFICIENT_FUNDS: { status: 409, title: 'Insufficient funds' },
  /** No funds are held on any wallet under this reference (`reference` extension). */
  HOLD_NOT_FOUND: { status: 409, title: 'Hold not found' },
  /**
   * The hold was settled the other way already: a capture of a released hold or a release of a
   * captured one (`reference`, `status` extensions). Capturing or releasing twice is a retry.
   */
  HOLD_ALREADY_SETTLED: { status: 409, title: 'Hold already settled' },
  /**
   * The reservation routes were called for a document type that belongs to SpareFlow's own
   * modules (`shipment`, `spare_request`, `return`, …): only those modules reserve, release or
   * consume for their documents. Integrators name their own types (e.g. `erp_order`). The
   * `documentTypes` extension lists the refused types.
   */
  DOCUMENT_TYPE_NOT_ALLOWED: { status: 400, title: 'Document type not allowed' },
  /** The part is discontinued or a draft and cannot be ordered, reserved or received. */
  PART_NOT_ORDERABLE: { status: 409, title: 'Part not orderable' },
  /**
   * The PIN code of an address is not in India Post's PIN directory (ADR 0010). `errors` names
   * the field (`body.address.pincode`).
   */
  UNKNOWN_PINCODE: { status: 400, title: 'Unknown PIN code' },
  /**
   * India Post files the PIN code of an address under another state or union territory (today's
   * names: Ladakh, Telangana, Dadra and Nagar Haveli and Daman and Diu). `errors` names
   * `body.address.state`; the `pincode` extension carries `{ pin, state, states }`, the PIN's
   * state (`states`: every one, for PINs on a border).
   */
  PINCODE_STATE_MISMATCH: { status: 400, title: 'PIN code not in this state' },
  /**
   * The location is archived: it keeps its history but takes no stock operation, thresholds or
   * edits. The `locationId` extension names it.
   */
  LOCATION_ARCHIVED: { status: 409, title: 'Location archived' },
  /**
   * A location cannot be archived while it holds stock. The `stock` extension carries its
   * totals over all parts: `{ onHand, reserved, inTransit, parts }` (`parts`: how many parts
   * have stock there); move, consume or count it out first.
   */
  LOCATION_HOLDS_STOCK: { status: 409, title: 'Location holds stock' },
  /**
   * The requested `serviceType` is not on the rate card in force (`errors` names
   * `body.serviceType`; the `serviceTypes` extension lists the card's services).
   */
  SERVICE_TYPE_NOT_PRICED: { status: 400, title: 'Service type not priced' },
  /**
   * A new rate card version breaks a rule of rate cards: a farther zone priced below a nearer
   * one, a service, markup rule, metro city or special state listed twice, no default markup
   * rule, a markup rule for an organization that is not a brand, or an effective date in the
   * past (a version never reprices what was already quoted). `errors` names each field.
   */
  RATE_CARD_INVALID: { status: 400, title: 'Rate card invalid' },
  /**
   * A Razorpay signature did not match: the Checkout signature of a top-up verification (HMAC
   * of our stored order id and the payment id with the key secret) or a webhook's
   * `X-Razorpay-Signature`. Nothing was changed.
   */
  INVALID_SIGNATURE: { status: 400, title: 'Invalid signature' },
  /**
   * The payment is not captured (and could not be captured): it failed, or is still being
   * processed (`paymentStatus` extension). Nothing was credited; verify again once it is paid.
   */
  PAYMENT_NOT_CAPTURED: { status: 409, title: 'Payment not captured' },
  /**
   * The payment does not belong to this top-up: another order, another amount or another
   * currency (`mismatch` extension names which). Nothing was credited.
   */
  PAYMENT_MISMATCH: { status: 409, title: 'Payment does not match the top-up' },
  /**
   * The refund cannot be made: the top-up is not credited, or the amount exceeds what is left to
   * refund of it (`refundablePaise` extension). Nothing was changed.
   */
  REFUND_NOT_ALLOWED: { status: 409, title: 'Refund not allowed' },
  /** The body exceeds the configured size limit. */
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  /** The body's content type is not accepted by this endpoint. */
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  /** Too many requests from this client; retry after the `Retry-After` header. */
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  /**
   * Too many consecutive failed logins: the account is locked for a while (429, as the contract
   * promises for repeated failures). `retryAfterSeconds` and the `Retry-After` header say how long.
   */
  ACCOUNT_LOCKED: { status: 429, title: 'Account temporarily locked' },
  /**
   * A pending invitation (staff or partner) was already resent 3 times within the last hour; each
   * resend sends an e-mail, so more would let one address be flooded. `retryAfterSeconds` (and the
   * `Retry-After` header) say when the next resend is accepted. Nothing was changed: the last
   * link sent still works.
   */
  RESEND_LIMIT_REACHED: { status: 429, title: 'Resent too often' },
  /** An unexpected failure; details are in the server log under the request id. */
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
  /**
   * Razorpay did not answer, timed out or answered 5xx/429 (after retries), or refused our keys.
   * `Retry-After` says when to try again. Nothing was half-written: a top-up whose order could
   * not be created is marked failed; start a new one.
   */
  PAYMENT_GATEWAY_UNAVAILABLE: { status: 503, title: 'Payment gateway unavailable' },
  /** A dependency (database, queue, vendor) is unavailable or the server is shutting down. */
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];
