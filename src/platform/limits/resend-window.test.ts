import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitWithin, invitationResendLimit } from './resend-window.js';

const hour = 60 * 60 * 1000;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 0, 0) + minutes * 60_000);

describe('admitWithin', () => {
  it('admits 3 resends in an hour, refuses the 4th until the first is an hour old', () => {
    let recent: Date[] = [];
    for (const minute of [0, 10, 20]) {
      const decision = admitWithin(recent, at(minute), invitationResendLimit);
      if (!decision.admitted) throw new Error(`refused at ${minute}`);
      recent = decision.recent;
    }
    expect(admitWithin(recent, at(30), invitationResendLimit)).toEqual({
      admitted: false,
      retryAfterSeconds: 30 * 60,
    });
    expect(admitWithin(recent, at(60), invitationResendLimit)).toMatchObject({ admitted: true });
  });

  it('never admits more than max in any window, and refuses only when max are inside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 * hour }), { maxLength: 30 }),
        (max, offsets) => {
          const limit = { max, windowMs: hour };
          const times = [...offsets].sort((a, b) => a - b).map((ms) => new Date(ms));
          let recent: Date[] = [];
          const admitted: number[] = [];
          for (const now of times) {
            const decision = admitWithin(recent, now, limit);
            const before = admitted.filter((t) => now.getTime() - t < hour).length;
            if (decision.admitted) {
              recent = decision.recent;
              admitted.push(now.getTime());
              expect(recent.length).toBeLessThanOrEqual(max);
            } else {
              expect(before).toBe(max);
              expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
              expect(decision.retryAfterSeconds).toBeLessThanOrEqual(hour / 1000);
            }
          }
          for (const start of admitted)
            expect(
              admitted.filter((t) => t >= start && t - start < hour).length,
            ).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
