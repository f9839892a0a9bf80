import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import {
  insufficientLines,
  insufficientStock,
  renumberStockError,
  reservationExceeded,
} from './stock-ledger.errors.js';

const level = { locationId: 'loc', partId: 'part', onHand: 5, reserved: 2, inTransit: 1 };

describe('structured stock refusals', () => {
  it('INSUFFICIENT_STOCK carries the level and what was asked of the counter, per request line', () => {
    const lines = insufficientLines(
      level,
      { onHand: 1, reserved: 2, inTransit: 1 },
      'available',
      [0, 2],
    );
    const error = insufficientStock(lines);
    expect(error.extensions).toEqual({
      lines: [0, 2].map((line) => ({
        line,
        locationId: 'loc',
        partId: 'part',
        counter: 'available',
        onHand: 5,
        reserved: 2,
        inTransit: 1,
        available: 3,
        requested: 4,
      })),
    });
    expect(error.errors).toEqual([
      {
        path: 'lines.0',
        message:
          'location loc, part part: available would become -1 (on hand 5, reserved 2, in transit 1)',
      },
      { path: 'lines.2', message: expect.stringContaining('available would become -1') },
    ]);
    const inTransit = insufficientLines(
      level,
      { onHand: 5, reserved: 2, inTransit: -2 },
      'in_transit',
      [1],
    );
    expect(inTransit[0]).toMatchObject({ counter: 'in_transit', requested: 3 });
    expect(insufficientStock(inTransit).errors?.[0]?.message).toContain(
      'in transit would become -2',
    );
  });

  it('RESERVATION_EXCEEDED names the document, what it holds and what was asked', () => {
    const error = reservationExceeded([
      {
        documentType: 'erp_order',
        documentId: 'SO-1',
        locationId: 'loc',
        partId: 'part',
        held: 2,
        requested: 3,
        lineIndexes: [1],
      },
    ]);
    expect(error).toMatchObject({
      code: 'RESERVATION_EXCEEDED',
      status: 409,
      errors: [
        {
          path: 'lines.1',
          message: 'erp_order SO-1 holds 2 of part part at location loc; 3 asked',
        },
      ],
      extensions: {
        lines: [
          {
            line: 1,
            referenceType: 'erp_order',
            referenceId: 'SO-1',
            locationId: 'loc',
            partId: 'part',
            held: 2,
            requested: 3,
          },
        ],
      },
    });
  });

  it("renumbers a ledger refusal to the caller's lines (paths and data alike) and leaves other errors alone", () => {
    const ledger = insufficientStock(
      insufficientLines(level, { onHand: 1, reserved: 2, inTransit: 1 }, 'available', [3]),
    );
    const renumbered = renumberStockError(ledger, (change) => (change === 3 ? 0 : undefined), {
      pathPrefix: 'body.lines.',
      detail: 'counted below reserved',
    }) as AppError;
    expect(renumbered).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      detail: 'counted below reserved',
      errors: [{ path: 'body.lines.0' }],
      extensions: { lines: [{ line: 0, available: 3, requested: 4 }] },
    });
    const other = new AppError('NOT_FOUND');
    expect(renumberStockError(other, () => 0, { pathPrefix: 'x' })).toBe(other);
  });
});
