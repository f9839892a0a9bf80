import { isCheckViolation } from '../../platform/db/pg-errors.js';
import type { Tx } from '../../platform/db/transaction.js';
import { crossedBelowThreshold } from '../../platform/thresholds/threshold-crossing.js';
import {
  ledgerAccountLockRepository,
  platformAccountIds,
  type LockedWallet,
} from './ledger-account-lock.repository.js';
import { publishLedgerEvent } from './ledger-event-bus.js';
import {
  ledgerPostingRepository,
  type EntryWrite,
  type StoredPosting,
} from './ledger-posting.repository.js';
import { insufficientFunds } from './ledger.errors.js';
import {
  applyToWallet,
  isWalletAccount,
  postingDefect,
  walletTotal,
  type PostingLine,
  type WalletBalances,
} from './ledger.rules.js';
import type { PostingKind } from './ledger.tables.js';
import './ledger.events.js';

/**
 * The low-balance threshold of a wallet whose organization never set one: ₹500, about a few
 * shipments' worth, so a new organization hears before its bookings start failing.
 */
export const defaultLowBalanceThresholdPaise = 50_000;

/** A posting to write: balanced lines, at most one organization's wallet. */
export interface PostingInput {
  /** Unique forever: a second posting with it is a retry and changes nothing. */
  reference: string;
  kind: PostingKind;
  /** The wallet the `wallet_*` lines belong to. */
  organizationId?: string | undefined;
  description?: string | undefined;
  actorUserId?: string | null | undefined;
  lines: readonly PostingLine[];
}

/** What a posting did (or, for a retry, what its first application did). */
export interface PostingResult {
  applied: boolean;
  postingId: number;
  /** The wallet's balance (available + held) after the posting; null without wallet lines. */
  balancePaise: number | null;
  /** The wallet's two balances right after this application; null for a retry or no wallet. */
  wallet: WalletBalances | null;
  /** The posting's entry on the wallet's available account, if it has one. */
  availableEntryId: string | null;
}

function replayed(stored: StoredPosting, input: PostingInput): PostingResult {
  if (stored.kind !== input.kind || stored.organizationId !== (input.organizationId ?? null))
    throw new Error(
      `ledger: reference ${input.reference} was used by a ${stored.kind} posting of another wallet`,
    );
  return {
    applied: false,
    postingId: stored.id,
    // A retry reports the balance its first application left, as the first answer did.
    balancePaise: stored.walletBalanceAfterPaise,
    wallet: null,
    availableEntryId: stored.availableEntryId,
  };
}

/** Entries with each wallet account's running balance (a posting may touch one twice). */
function entriesOf(lines: readonly PostingLine[], wallet: LockedWallet | undefined): EntryWrite[] {
  const running = new Map<string, number>();
  if (wallet) {
    running.set(wallet.accountIds.wallet_available, wallet.availablePaise);
    running.set(wallet.accountIds.wallet_held, wallet.heldPaise);
  }
  return lines.map((line) => {
    if (!isWalletAccount(line.account))
      return {
        accountId: platformAccountIds[line.account],
        amountPaise: line.amountPaise,
        balanceAfterPaise: null,
      };
    if (!wallet) throw new Error('ledger: wallet lines need an organization');
    const accountId = wallet.accountIds[line.account];
    const after = (running.get(accountId) ?? 0) + line.amountPaise;
    running.set(accountId, after);
    return { accountId, amountPaise: line.amountPaise, balanceAfterPaise: after };
  });
}

/**
 * THE writer of the money ledger: every posting, cached wallet balance and `balance_after` is
 * written here, in the caller's transaction, all or nothing.
 *
 * 1. The lines must balance (else a programming error is thrown: callers build them).
 * 2. The wallet's two accounts are locked in id order (ledger-account-lock.repository.ts has the
 *    lock order shared with the stock ledger); platform accounts are never locked.
 * 3. If available or held would go below zero: a retry of a posting that committed meanwhile is
 *    answered as a retry, anything else is INSUFFICIENT_FUNDS (availablePaise, requiredPaise) and
 *    nothing is written — the caller's transaction stays usable.
 * 4. One statement writes the posting (unique reference: a retry writes nothing and is answered
 *    with the first posting), its entries and the cached balances; the CHECKs and the deferred
 *    balance trigger are the last walls.
 * 5. `ledger.wallet_low_balance` when available crossed the wallet's threshold from above.
 */
export async function postLedger(tx: Tx, input: PostingInput): Promise<PostingResult> {
  const defect = postingDefect(input.lines);
  if (defect) throw new Error(`ledger: malformed posting ${input.reference}: ${defect}`);
  const walletLines = input.lines.filter((line) => isWalletAccount(line.account));
  if (walletLines.length > 0 && !input.organizationId)
    throw new Error('ledger: wallet lines need an organization');

  const organizationId = walletLines.length > 0 ? input.organizationId : undefined;
  const wallet = organizationId
    ? await ledgerAccountLockRepository.lockWallet(tx, organizationId)
    : undefined;
  const after = wallet ? applyToWallet(wallet, walletLines) : undefined;
  if (wallet && after && (after.availablePaise < 0 || after.heldPaise < 0)) {
    const stored = await ledgerPostingRepository.find(tx, input.reference);
    if (stored) return replayed(stored, input);
    if (after.heldPaise < 0) throw new Error(`ledger: ${input.reference} releases more than held`);
    throw insufficientFunds(wallet.availablePaise, wallet.availablePaise - after.availablePaise);
  }

  let written: Awaited<ReturnType<typeof ledgerPostingRepository.write>>;
  try {
    written = await ledgerPostingRepository.write(tx, {
      reference: input.reference,
      kind: input.kind,
      organizationId: organizationId ?? null,
      walletDeltaPaise: after?.deltaPaise ?? 0,
      walletBalanceAfterPaise: after ? walletTotal(after) : null,
      description: input.description ?? null,
      actorUserId: input.actorUserId ?? null,
      entries: entriesOf(input.lines, wallet),
      walletDeltas: wallet
        ? [
            {
              accountId: wallet.accountIds.wallet_available,
              deltaPaise: (after?.availablePaise ?? 0) - wallet.availablePaise,
            },
            {
              accountId: wallet.accountIds.wallet_held,
              deltaPaise: (after?.heldPaise ?? 0) - wallet.heldPaise,
            },
          ].filter((delta) => delta.deltaPaise !== 0)
        : [],
    });
  } catch (error) {
    // The CHECKs are the last wall: should the code above ever be wrong, PostgreSQL still refuses
    // a negative wallet, and the caller sees the same answer.
    if (isCheckViolation(error, 'ledger_accounts_wallet_non_negative') && wallet && after)
      throw insufficientFunds(
        wallet.availablePaise,
        wallet.availablePaise - after.availablePaise,
        error,
      );
    throw error;
  }
  if (!written) {
    const stored = await ledgerPostingRepository.find(tx, input.reference);
    if (!stored) throw new Error(`ledger: posting ${input.reference} conflicted but is missing`);
    return replayed(stored, input);
  }

  if (wallet && after && organizationId) {
    const threshold = wallet.lowBalanceThresholdPaise ?? defaultLowBalanceThresholdPaise;
    if (crossedBelowThreshold(wallet.availablePaise, after.availablePaise, threshold))
      await publishLedgerEvent(tx, {
        type: 'ledger.wallet_low_balance',
        payload: {
          organizationId,
          availablePaise: after.availablePaise,
          thresholdPaise: threshold,
          postingReference: input.reference,
        },
        aggregateType: 'wallet',
        aggregateId: organizationId,
        organizationId,
      });
  }
  const availableIndex = input.lines.findIndex((line) => line.account === 'wallet_available');
  return {
    applied: true,
    postingId: written.id,
    balancePaise: after ? walletTotal(after) : null,
    wallet: after ? { availablePaise: after.availablePaise, heldPaise: after.heldPaise } : null,
    availableEntryId: availableIndex >= 0 ? (written.entryIds[availableIndex] ?? null) : null,
  };
}
