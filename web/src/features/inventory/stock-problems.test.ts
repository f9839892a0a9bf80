import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { insufficientStockLines, insufficientStockMessage } from './stock-problems';

const line = {
  line: 1,
  locationId: '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  partId: '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  counter: 'available',
  onHand: 4,
  reserved: 3,
  inTransit: 0,
  available: 1,
  requested: 2,
};

const problem = (body: Record<string, unknown>) =>
  new ApiProblem(409, { status: 409, code: 'INSUFFICIENT_STOCK', detail: 'x', ...body });

describe('INSUFFICIENT_STOCK from problem data', () => {
  it('keeps the extension members of a problem apart from its standard ones', () => {
    const error = problem({ requestId: 'r-1', errors: [], lines: [line], instance: '/x' });
    expect(error.extensions).toEqual({ lines: [line] });
  });

  it('reads the figures of the first refused line and names it when the form can', () => {
    expect(insufficientStockMessage(problem({ lines: [line] }))).toBe(
      'Not enough stock: 1 available (on hand 4, reserved 3), 2 asked.',
    );
    expect(
      insufficientStockMessage(problem({ lines: [line] }), (index) => ['A-1', 'CMP-15'][index]),
    ).toBe('CMP-15: not enough stock: 1 available (on hand 4, reserved 3), 2 asked.');
    expect(
      insufficientStockMessage(
        problem({ lines: [{ ...line, counter: 'in_transit', inTransit: 1, requested: 3 }] }),
      ),
    ).toBe('Not enough stock in transit: 1 in transit, 3 asked.');
  });

  it('falls back to a plain sentence without data, and ignores other codes and malformed lines', () => {
    const fallback = 'Not enough stock at this location for this change.';
    expect(insufficientStockMessage(problem({}))).toBe(fallback);
    expect(insufficientStockMessage(new Error('boom'))).toBe(fallback);
    expect(insufficientStockLines(problem({ lines: [{ line: 'one' }, null] }))).toEqual([]);
    expect(
      insufficientStockLines(new ApiProblem(409, { code: 'RESERVATION_EXCEEDED', lines: [line] })),
    ).toEqual([]);
  });
});
