import type { Db } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { ledgerHoldRepository } from './ledger-hold.repository.js';
import { walletReadRepository } from './wallet-read.repository.js';
import { holdAlreadySettled, holdNotFound } from './ledger.errors.js';
import { postLedger } from './ledger.js';
import { captureLines, isPaiseAmount, type CaptureLines } from './ledger.rules.js';

/**
 * The ledger's public operations: each is one balanced posting through `postLedger`, in the
 * caller's transaction (so it commits with the caller's own rows), idempotent by `reference` — a
 * retry returns the first result with `applied: false` and changes nothing.
 */

function assertAmount(operation: string, amountPaise: number): void {
  if (!isPaiseAmount(amountPaise))
    throw new Error(`${operation}: amountPaise must be a positive whole number of paise`);
}

/** The balance a wallet posting reports (wallet postings always have one). */
function balanceOf(result: { balancePaise: number | null }): number {
  if (result.balancePaise === null) throw new Error('ledger: wallet posting without a balance');
  return result.balancePaise;
}

/**
 * A top-up paid through the gateway: Dr gateway clearing (Razorpay owes us), Cr the wallet's
 * available balance. `reference`: `topup:<topupId>`. `entryId`: the wallet's entry.
 */
export async function creditTopUp(
  tx: Tx,
  input: {
    organizationId: string;
    amountPaise: number;
    reference: string;
    description?: string;
    actor?: { userId?: string | null };
  },
): Promise<{ applied: boolean; balancePaise: number; entryId: string }> {
  assertAmount('creditTopUp', input.amountPaise);
  const result = await postLedger(tx, {
    reference: input.reference,
    kind: 'topup',
    organizationId: input.organizationId,
    description: input.description ?? 'Wallet top-up',
    actorUserId: input.actor?.userId ?? null,
    lines: [
      { account: 'gateway_clearing', amountPaise: -input.amountPaise },
      { account: 'wallet_available', amountPaise: input.amountPaise },
    ],
  });
  if (result.availableEntryId === null) throw new Error('creditTopUp: no wallet entry');
  return {
    applied: result.applied,
    balancePaise: balanceOf(result),
    entryId: result.availableEntryId,
  };
}

/**
 * Money leaving the wallet to be refunded to the payer: Dr wallet available, Cr refunds payable.
 * INSUFFICIENT_FUNDS when the wallet does not have it available. `reference`: `refund:<id>`.
 */
export async function debitForRefund(
  tx: Tx,
  input: { organizationId: string; amountPaise: number; reference: string; description?: string },
): Promise<{ applied: boolean; balancePaise: number }> {
  assertAmount('debitForRefund', input.amountPaise);
  const result = await postLedger(tx, {
    reference: input.reference,
    kind: 'refund',
    organizationId: input.organizationId,
    description: input.description ?? 'Refund to your payment method',
    lines: [
      { account: 'wallet_available', amountPaise: -input.amountPaise },
      { account: 'refunds_payable', amountPaise: input.amountPaise },
    ],
  });
  return { applied: result.applied, balancePaise: balanceOf(result) };
}

/**
 * The gateway paid the refund out: Dr refunds payable, Cr gateway clearing. No wallet changes.
 * `reference`: `refund-settled:<id>`.
 */
export async function settleRefund(
  tx: Tx,
  input: { amountPaise: number; reference: string },
): Promise<{ applied: boolean }> {
  assertAmount('settleRefund', input.amountPaise);
  const result = await postLedger(tx, {
    reference: input.reference,
    kind: 'refund_settled',
    description: 'Refund paid out by the gateway',
    lines: [
      { account: 'refunds_payable', amountPaise: -input.amountPaise },
      { account: 'gateway_clearing', amountPaise: input.amountPaise },
    ],
  });
  return { applied: result.applied };
}

/**
 * A refund the gateway failed: the money returns to the wallet. Dr refunds payable, Cr wallet
 * available. `reference`: `refund-failed:<id>`.
 */
export async function reverseRefund(
  tx: Tx,
  input: { organizationId: string; amountPaise: number; reference: string; description?: string },
): Promise<{ applied: boolean; balancePaise: number }> {
  assertAmount('reverseRefund', input.amountPaise);
  const result = await postLedger(tx, {
    reference: input.reference,
    kind: 'refund_reversed',
    organizationId: input.organizationId,
    description: input.description ?? 'Refund failed: amount returned to the wallet',
    lines: [
      { account: 'refunds_payable', amountPaise: -input.amountPaise },
      { account: 'wallet_available', amountPaise: input.amountPaise },
    ],
  });
  return { applied: result.applied, balancePaise: balanceOf(result) };
}

/**
 * Authorises a charge: moves `amountPaise` from available to held for `reference` (e.g.
 * `shipment:<id>`) until `captureHold` or `releaseHold`. INSUFFICIENT_FUNDS when not available.
 */
export async function holdFunds(
  tx: Tx,
  input: { organizationId: string; amountPaise: number; reference: string; description?: string },
): Promise<{ applied: boolean; balancePaise: number; heldPaise: number }> {
  assertAmount('holdFunds', input.amountPaise);
  const result = await postLedger(tx, {
    reference: `hold:${input.reference}`,
    kind: 'hold',
    organizationId: input.organizationId,
    description: input.description ?? `Funds held for ${input.reference}`,
    lines: [
      { account: 'wallet_available', amountPaise: -input.amountPaise },
      { account: 'wallet_held', amountPaise: input.amountPaise },
    ],
  });
  if (result.applied)
    await ledgerHoldRepository.insert(tx, {
      reference: input.reference,
      organizationId: input.organizationId,
      amountPaise: input.amountPaise,
    });
  return { applied: result.applied, balancePaise: balanceOf(result), heldPaise: input.amountPaise };
}

/**
 * Charges a hold: the held amount leaves the wallet to freight revenue, margin and GST payable;
 * whatever of the hold the charges do not take returns to available. The charges may not exceed
 * the hold (a programming error). HOLD_NOT_FOUND; HOLD_ALREADY_SETTLED when it was released; a
 * second capture is a retry (`applied: false`).
 */
export async function captureHold(
  tx: Tx,
  input: { reference: string; lines: CaptureLines; description?: string },
): Promise<{
  applied: boolean;
  balancePaise: number;
  chargedPaise: number;
  releasedPaise: number;
}> {
  const hold = await ledgerHoldRepository.lock(tx, input.reference);
  if (!hold) throw holdNotFound(input.reference);
  if (hold.status === 'released') throw holdAlreadySettled(input.reference, hold.status);
  const lines = captureLines(hold.amountPaise, input.lines);
  if (!lines)
    throw new Error(
      `captureHold: the charges of ${input.reference} exceed the hold or are not paise`,
    );
  const chargedPaise = input.lines.freightPaise + input.lines.marginPaise + input.lines.gstPaise;
  const result = await postLedger(tx, {
    reference: `capture:${input.reference}`,
    kind: 'capture',
    organizationId: hold.organizationId,
    description: input.description ?? `Charge for ${input.reference}`,
    lines,
  });
  if (result.applied) await ledgerHoldRepository.settle(tx, input.reference, 'captured');
  return {
    applied: result.applied,
    balancePaise: balanceOf(result),
    chargedPaise,
    releasedPaise: hold.amountPaise - chargedPaise,
  };
}

/**
 * Gives a hold back: held → available. HOLD_NOT_FOUND; HOLD_ALREADY_SETTLED when it was captured;
 * a second release is a retry (`applied: false`).
 */
export async function releaseHold(
  tx: Tx,
  input: { reference: string; description?: string },
): Promise<{ applied: boolean; balancePaise: number }> {
  const hold = await ledgerHoldRepository.lock(tx, input.reference);
  if (!hold) throw holdNotFound(input.reference);
  if (hold.status === 'captured') throw holdAlreadySettled(input.reference, hold.status);
  const result = await postLedger(tx, {
    reference: `release:${input.reference}`,
    kind: 'release',
    organizationId: hold.organizationId,
    description: input.description ?? `Hold released for ${input.reference}`,
    lines: [
      { account: 'wallet_held', amountPaise: -hold.amountPaise },
      { account: 'wallet_available', amountPaise: hold.amountPaise },
    ],
  });
  if (result.applied) await ledgerHoldRepository.settle(tx, input.reference, 'released');
  return { applied: result.applied, balancePaise: balanceOf(result) };
}

/** A wallet's balance (available + held), held and available; zeros before its first posting. */
export async function walletBalance(
  dbOrTx: Db | Tx,
  organizationId: string,
): Promise<{ balancePaise: number; heldPaise: number; availablePaise: number }> {
  const db = 'client' in dbOrTx ? dbOrTx.db : dbOrTx;
  const { availablePaise, heldPaise } = await walletReadRepository.balances(db, organizationId);
  return { balancePaise: availablePaise + heldPaise, heldPaise, availablePaise };
}
