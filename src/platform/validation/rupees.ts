// No imports here: the web app's price fields read rupees with this same rule (web/src/lib/format.ts).

/** Why a text is not an amount in rupees; callers word the message for their place. */
export type RupeesProblem =
  'not-an-amount' | 'too-many-decimals' | 'misplaced-commas' | 'too-large';

export type RupeesParse = { ok: true; paise: number } | { ok: false; problem: RupeesProblem };

/** "₹", "Rs", "Rs." or "INR" before the amount, and the "/-" some write after whole rupees. */
const currencyPrefix = /^(?:₹|rs\.?|inr)\s*/i;
const slashDashSuffix = /\s*\/-$/;
/** Digits with commas only where Indian (1,25,000) or international (125,000) grouping puts them. */
const grouped = /^(?:\d+|\d{1,2}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+)$/;
const amount = /^([\d,]*)(?:\.(\d*))?$/;
/** 13 digits of rupees keep whole × 100 + paise a safe integer (far above any price). */
const maxWholeDigits = 13;

/**
 * An amount as people write it in rupees → exact integer paise: "650", "1,250.50", "₹1,250",
 * "Rs. 1,250", "INR 1,25,000", "₹1,250/-", "0.5", ".75". Works on the digits as text, never through
 * a float (0.29 * 100 is 28.999999999999996). Refused: negatives, more than two decimals (a paisa
 * is the smallest unit), commas out of place ("1,50" may be a European 1.50, so it is not guessed
 * at), anything else in the text.
 */
export function parseRupees(input: string): RupeesParse {
  const text = input.trim().replace(currencyPrefix, '').replace(slashDashSuffix, '');
  const match = amount.exec(text);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) return { ok: false, problem: 'not-an-amount' };
  if (whole !== '' && !grouped.test(whole)) return { ok: false, problem: 'misplaced-commas' };
  if (fraction.length > 2) return { ok: false, problem: 'too-many-decimals' };
  const digits = whole.replaceAll(',', '').replace(/^0+(?=\d)/, '');
  if (digits.length > maxWholeDigits) return { ok: false, problem: 'too-large' };
  return { ok: true, paise: Number(digits || '0') * 100 + Number(fraction.padEnd(2, '0')) };
}

/** `parseRupees` for callers that only need the paise: `null` when the text is not an amount. */
export function rupeesToPaise(input: string): number | null {
  const parsed = parseRupees(input);
  return parsed.ok ? parsed.paise : null;
}

/**
 * Integer paise → rupees with two decimals and nothing else ("1250.50", "0.05", "-3.00"): the
 * form exports and input fields write, which spreadsheets read as a number and `parseRupees`
 * reads back to the same paise.
 */
export function paiseToRupeesText(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const absolute = Math.abs(paise);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
