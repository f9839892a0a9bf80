import { AppError, isAppError, type FieldError } from '../../platform/errors/app-error.js';
import type { LevelCounters, LevelCounter } from './stock-ledger.rules.js';
import type { HoldingViolation } from './reservation.rules.js';

/**
 * One refused line of INSUFFICIENT_STOCK, in the problem's `lines` extension: the level as it was
 * (`onHand`, `reserved`, `inTransit`, `available` = on hand − reserved), which `counter` would go
 * below zero and how much of it the summed lines of that level asked for (`requested`).
 */
export interface InsufficientStockLine {
  /** Index of the line in the request (several lines of one level are judged together). */
  line: number;
  locationId: string;
  partId: string;
  counter: LevelCounter;
  onHand: number;
  reserved: number;
  inTransit: number;
  available: number;
  requested: number;
}

/**
 * One refused line of RESERVATION_EXCEEDED, in the problem's `lines` extension: the document,
 * what it still holds of the part at the location and what the request asked to take.
 */
export interface ReservationExceededLine {
  line: number;
  referenceType: string;
  referenceId: string;
  locationId: string;
  partId: string;
  held: number;
  requested: number;
}

type StructuredLine = { line: number };

/** INSUFFICIENT_STOCK with `errors` (`lines.<index>`, prose) and `lines` (the data). */
export function insufficientStock(
  lines: InsufficientStockLine[],
  options: { detail?: string; cause?: unknown } = {},
): AppError {
  return new AppError('INSUFFICIENT_STOCK', {
    detail: options.detail ?? 'Not enough stock for every line; nothing was applied.',
    errors: lines.map((line) => ({
      path: `lines.${line.line}`,
      message: `location ${line.locationId}, part ${line.partId}: ${line.counter.replace('_', ' ')} would become ${counterOf(line) - line.requested} (on hand ${line.onHand}, reserved ${line.reserved}, in transit ${line.inTransit})`,
    })),
    extensions: { lines },
    cause: options.cause,
  });
}

function counterOf(line: InsufficientStockLine): number {
  return line.counter === 'available'
    ? line.available
    : line.counter === 'reserved'
      ? line.reserved
      : line.inTransit;
}

/** The INSUFFICIENT_STOCK lines of one level that some lines of the request would break. */
export function insufficientLines(
  level: LevelCounters & { locationId: string; partId: string },
  after: LevelCounters,
  counter: LevelCounter,
  lineIndexes: readonly number[],
): InsufficientStockLine[] {
  const available = level.onHand - level.reserved;
  const taken = {
    available: available - (after.onHand - after.reserved),
    reserved: level.reserved - after.reserved,
    in_transit: level.inTransit - after.inTransit,
  };
  return lineIndexes.map((line) => ({
    line,
    locationId: level.locationId,
    partId: level.partId,
    counter,
    onHand: level.onHand,
    reserved: level.reserved,
    inTransit: level.inTransit,
    available,
    requested: taken[counter],
  }));
}

/** RESERVATION_EXCEEDED naming each refused line, its document, what it holds and what was asked. */
export function reservationExceeded(
  violations: readonly HoldingViolation[],
  options: { detail?: string; cause?: unknown } = {},
): AppError {
  const lines: ReservationExceededLine[] = violations.flatMap((violation) =>
    violation.lineIndexes.map((line) => ({
      line,
      referenceType: violation.documentType,
      referenceId: violation.documentId,
      locationId: violation.locationId,
      partId: violation.partId,
      held: violation.held,
      requested: violation.requested,
    })),
  );
  const errors: FieldError[] = lines.map((line) => ({
    path: `lines.${line.line}`,
    message: `${line.referenceType} ${line.referenceId} holds ${line.held} of part ${line.partId} at location ${line.locationId}; ${line.requested} asked`,
  }));
  return new AppError('RESERVATION_EXCEEDED', {
    detail:
      options.detail ??
      'A line asks more than its document holds there (or the document holds nothing); nothing was applied.',
    errors,
    extensions: { lines },
    cause: options.cause,
  });
}

/**
 * Re-addresses a ledger refusal to the caller's own lines: the ledger numbers its changes, a
 * service knows which line of its request each change came from. Both `errors[].path` (as
 * `<prefix><line>`) and the `lines[].line` extension are renumbered; other errors pass through.
 */
export function renumberStockError(
  error: unknown,
  lineOfChange: (changeIndex: number) => number | undefined,
  options: { pathPrefix: string; detail?: string },
): unknown {
  if (!isAppError(error)) return error;
  if (error.code !== 'INSUFFICIENT_STOCK' && error.code !== 'RESERVATION_EXCEEDED') return error;
  const remap = (index: number) => lineOfChange(index) ?? index;
  const lines = error.extensions?.lines as StructuredLine[] | undefined;
  return new AppError(error.code, {
    detail: options.detail ?? error.detail,
    errors: error.errors?.map((entry) => {
      const match = /^lines\.(\d+)$/.exec(entry.path);
      return match ? { ...entry, path: `${options.pathPrefix}${remap(Number(match[1]))}` } : entry;
    }),
    extensions: {
      ...error.extensions,
      ...(lines ? { lines: lines.map((line) => ({ ...line, line: remap(line.line) })) } : {}),
    },
    cause: error.cause,
  });
}
