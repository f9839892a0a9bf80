import { AppError } from '../../platform/errors/app-error.js';

/**
 * INSUFFICIENT_FUNDS with its figures as data: what the wallet had available and what the
 * posting needed of it. Nothing of the posting was applied.
 */
export function insufficientFunds(
  availablePaise: number,
  requiredPaise: number,
  cause?: unknown,
): AppError {
  return new AppError('INSUFFICIENT_FUNDS', {
    detail: `The wallet has ${availablePaise} paise available; this needs ${requiredPaise}.`,
    extensions: { availablePaise, requiredPaise },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** HOLD_NOT_FOUND: no hold has this reference. */
export function holdNotFound(reference: string): AppError {
  return new AppError('HOLD_NOT_FOUND', {
    detail: `No funds are held for ${reference}.`,
    extensions: { reference },
  });
}

/** HOLD_ALREADY_SETTLED: the hold was captured or released already, the other way. */
export function holdAlreadySettled(reference: string, status: string): AppError {
  return new AppError('HOLD_ALREADY_SETTLED', {
    detail: `The funds held for ${reference} were ${status} already.`,
    extensions: { reference, status },
  });
}
