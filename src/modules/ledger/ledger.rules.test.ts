import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyToWallet,
  captureLines,
  isPaiseAmount,
  maxAmountPaise,
  postingDefect,
  walletTotal,
  type PostingLine,
} from './ledger.rules.js';

const paise = fc.integer({ min: 1, max: maxAmountPaise });

describe('postingDefect', () => {
  it('accepts balanced lines and names what is wrong otherwise', () => {
    expect(
      postingDefect([
        { account: 'gateway_clearing', amountPaise: -500 },
        { account: 'wallet_available', amountPaise: 500 },
      ]),
    ).toBeNull();
    expect(postingDefect([{ account: 'margin', amountPaise: 0 }])).toMatch(/two lines/);
    expect(
      postingDefect([
        { account: 'margin', amountPaise: 0 },
        { account: 'gst_payable', amountPaise: 0 },
      ]),
    ).toMatch(/zero/);
    expect(
      postingDefect([
        { account: 'margin', amountPaise: 1.5 },
        { account: 'gst_payable', amountPaise: -1.5 },
      ]),
    ).toMatch(/integer/);
  });

  it('any split of an amount into credits against one debit balances; moving one paisa breaks it', () => {
    fc.assert(
      fc.property(paise, fc.array(paise, { minLength: 1, maxLength: 6 }), (debit, parts) => {
        const total = parts.reduce((sum, part) => sum + part, 0);
        const lines: PostingLine[] = [
          { account: 'wallet_held', amountPaise: -total },
          ...parts.map((amountPaise) => ({ account: 'freight_revenue' as const, amountPaise })),
        ];
        expect(postingDefect(lines)).toBeNull();
        const broken = [...lines, { account: 'margin' as const, amountPaise: debit }];
        expect(postingDefect(broken)).toMatch(/sum to/);
      }),
    );
  });
});

describe('isPaiseAmount', () => {
  it('takes positive whole paise up to the ceiling only', () => {
    expect(isPaiseAmount(1)).toBe(true);
    expect(isPaiseAmount(maxAmountPaise)).toBe(true);
    for (const bad of [0, -1, 0.5, maxAmountPaise + 1, Number.NaN, Infinity]) {
      expect(isPaiseAmount(bad)).toBe(false);
    }
  });
});

describe('applyToWallet', () => {
  it('a hold or release moves money between available and held without changing the balance', () => {
    fc.assert(
      fc.property(paise, paise, paise, (available, held, amount) => {
        const before = { availablePaise: available, heldPaise: held };
        const after = applyToWallet(before, [
          { account: 'wallet_available', amountPaise: -amount },
          { account: 'wallet_held', amountPaise: amount },
        ]);
        expect(after.deltaPaise).toBe(0);
        expect(walletTotal(after)).toBe(walletTotal(before));
        expect(after.availablePaise).toBe(available - amount);
      }),
    );
  });

  it('platform lines never change the wallet; wallet lines change it by their sum', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            account: fc.constantFrom(
              'wallet_available',
              'wallet_held',
              'gateway_clearing',
              'margin',
            ) as fc.Arbitrary<PostingLine['account']>,
            amountPaise: fc.integer({ min: -1_000_000, max: 1_000_000 }),
          }),
          { maxLength: 8 },
        ),
        (lines) => {
          const before = { availablePaise: 10_000_000, heldPaise: 10_000_000 };
          const walletSum = lines
            .filter((line) => line.account.startsWith('wallet_'))
            .reduce((sum, line) => sum + line.amountPaise, 0);
          expect(applyToWallet(before, lines).deltaPaise).toBe(walletSum);
        },
      ),
    );
  });
});

describe('captureLines', () => {
  it('charges plus what returns to available equal the hold, and the lines balance', () => {
    fc.assert(
      fc.property(
        paise,
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        (hold, freightPaise, marginPaise, gstPaise) => {
          const lines = captureLines(hold, { freightPaise, marginPaise, gstPaise });
          const charged = freightPaise + marginPaise + gstPaise;
          if (charged > hold) {
            expect(lines).toBeNull();
            return;
          }
          expect(lines).not.toBeNull();
          const all = lines as PostingLine[];
          expect(postingDefect(all)).toBeNull();
          const back = all.find((line) => line.account === 'wallet_available')?.amountPaise ?? 0;
          expect(back).toBe(hold - charged);
          expect(all.find((line) => line.account === 'wallet_held')?.amountPaise).toBe(-hold);
        },
      ),
    );
  });

  it('refuses negative or fractional charges', () => {
    expect(captureLines(100, { freightPaise: -1, marginPaise: 0, gstPaise: 0 })).toBeNull();
    expect(captureLines(100, { freightPaise: 0.5, marginPaise: 0, gstPaise: 0 })).toBeNull();
  });
});
