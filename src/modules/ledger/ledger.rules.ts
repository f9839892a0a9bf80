/**
 * Pure rules of the money ledger, apart from SQL so they are tested exhaustively (fast-check):
 * what a well-formed posting is, what it does to a wallet, and how a capture splits a hold.
 * Amounts are integer paise, signed with credit positive.
 */
import type { AccountKind, WalletAccountKind } from './ledger.tables.js';

/** One line of a posting: a signed amount on one account (credit positive). */
export interface PostingLine {
  account: AccountKind;
  amountPaise: number;
}

/** A wallet's two cached balances. */
export interface WalletBalances {
  availablePaise: number;
  heldPaise: number;
}

/** Why a posting is malformed (a caller's bug, never a user's input), or null. */
export function postingDefect(lines: readonly PostingLine[]): string | null {
  if (lines.length < 2) return 'a posting has at least two lines';
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountPaise)) return 'amounts are integer paise';
    if (line.amountPaise === 0) return 'no line is zero';
  }
  // Safe integers summed in a number stay exact while the total stays below 2^53; the lines of a
  // posting are bounded by `isPaiseAmount` so their sum cannot leave that range.
  const sum = lines.reduce((total, line) => total + line.amountPaise, 0);
  if (sum !== 0) return `the lines sum to ${sum}, not 0`;
  return null;
}

/**
 * The largest single amount the ledger takes: ₹10 crore. Far above any top-up or shipment, and
 * small enough that no sum of a posting's lines or of a wallet's balance leaves the safe integers.
 */
export const maxAmountPaise = 10_000_000_000;

/** A positive whole number of paise no larger than `maxAmountPaise`. */
export function isPaiseAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && value <= maxAmountPaise;
}

/** Whether an account kind is one of an organization's wallet accounts. */
export function isWalletAccount(kind: AccountKind): kind is WalletAccountKind {
  return kind === 'wallet_available' || kind === 'wallet_held';
}

/** The wallet after a posting's wallet lines, and what they changed of its total balance. */
export function applyToWallet(
  before: WalletBalances,
  lines: readonly PostingLine[],
): WalletBalances & { deltaPaise: number } {
  let availablePaise = before.availablePaise;
  let heldPaise = before.heldPaise;
  for (const line of lines) {
    if (line.account === 'wallet_available') availablePaise += line.amountPaise;
    else if (line.account === 'wallet_held') heldPaise += line.amountPaise;
  }
  const deltaPaise = availablePaise + heldPaise - (before.availablePaise + before.heldPaise);
  return { availablePaise, heldPaise, deltaPaise };
}

/** The wallet's total balance: what the organization has, spendable or held. */
export function walletTotal(balances: WalletBalances): number {
  return balances.availablePaise + balances.heldPaise;
}

/** The charge lines of a capture: freight, the platform's margin and the GST on them. */
export interface CaptureLines {
  freightPaise: number;
  marginPaise: number;
  gstPaise: number;
}

/**
 * The posting lines of capturing `heldPaise` as the given charges: the hold leaves the held
 * account, each non-zero charge goes to its platform account, and whatever of the hold the
 * charges do not take returns to available. Null when a charge is negative or not integer, or
 * the charges exceed the hold.
 */
export function captureLines(heldPaise: number, charges: CaptureLines): PostingLine[] | null {
  const amounts = [charges.freightPaise, charges.marginPaise, charges.gstPaise];
  if (amounts.some((amount) => !Number.isSafeInteger(amount) || amount < 0)) return null;
  const charged = amounts.reduce((sum, amount) => sum + amount, 0);
  if (charged > heldPaise) return null;
  const lines: PostingLine[] = [{ account: 'wallet_held', amountPaise: -heldPaise }];
  if (charges.freightPaise > 0)
    lines.push({ account: 'freight_revenue', amountPaise: charges.freightPaise });
  if (charges.marginPaise > 0) lines.push({ account: 'margin', amountPaise: charges.marginPaise });
  if (charges.gstPaise > 0) lines.push({ account: 'gst_payable', amountPaise: charges.gstPaise });
  if (heldPaise - charged > 0)
    lines.push({ account: 'wallet_available', amountPaise: heldPaise - charged });
  return lines;
}
