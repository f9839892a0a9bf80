import { normaliseIndianPhone } from '../../../src/platform/validation/indian-phone';
import {
  paiseToRupeesText,
  rupeesToPaise as sharedRupeesToPaise,
} from '../../../src/platform/validation/rupees';

/**
 * Indian conventions for everything the UI shows: rupees in the Indian digit grouping
 * (₹1,23,456.78), times in IST whatever the browser's zone, +91 phone numbers and 6-digit PINs.
 * Amounts travel as integer paise (api-v1) and become rupees only here, at display time.
 */
const rupees = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const istDateTime = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: true,
});

const istDate = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
});

const integer = new Intl.NumberFormat('en-IN');

/** 12345678 paise → "₹1,23,456.78". */
export function formatPaise(paise: number): string {
  return rupees.format(paise / 100);
}

const wholeRupees = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  maximumFractionDigits: 0,
});

/** 579525789 paise → "₹57,95,258": a headline figure, rounded to the rupee (tiles, charts). */
export function formatPaiseWhole(paise: number): string {
  return wholeRupees.format(Math.round(paise / 100));
}

/** 123456 → "1,23,456" (lakh grouping). */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** An ISO 8601 instant in India Standard Time: "26 Nov 2026, 08:05 am IST". */
export function formatDateTimeIst(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${istDateTime.format(new Date(iso))} IST`;
}

/** The calendar date in IST: "26 Nov 2026". */
export function formatDateIst(iso: string | null | undefined): string {
  if (!iso) return '—';
  return istDate.format(new Date(iso));
}

/** "+919876543210" or "9876543210" → "+91 98765 43210"; anything else is shown as given. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '—';
  const digits = phone.replace(/[^\d]/g, '');
  const national = digits.length === 12 && digits.startsWith('91') ? digits.slice(2) : digits;
  if (national.length !== 10) return phone;
  return `+91 ${national.slice(0, 5)} ${national.slice(5)}`;
}

/**
 * What a person types ("98765 43210", "+91-98765-43210", "(011) 2345 6789") → "+919876543210",
 * or null: the server's own rule (src/platform/validation/indian-phone.ts), so a number the form
 * accepts is one the API accepts.
 */
export function normalisePhone(input: string): string | null {
  return normaliseIndianPhone(input);
}

/** A 6-digit Indian PIN code: first digit 1–9 (there is no postal zone 0). */
export function isValidPincode(value: string): boolean {
  return /^[1-9]\d{5}$/.test(value.trim());
}

/** "service_center" → "Service centre" (Indian English in the UI; the API keeps its enums). */
export function humanise(value: string): string {
  const words = value.replace(/_/g, ' ').replace('center', 'centre');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What a person types as rupees ("1,234.5", "₹ 99", "Rs. 1,25,000", "0.10") → integer paise
 * (123450, 9900, 12500000, 10), or null when it is not an amount with at most two decimals: the
 * server's own rule for CSV prices (src/platform/validation/rupees.ts), exact, never a float.
 */
export function rupeesToPaise(input: string): number | null {
  return sharedRupeesToPaise(input);
}

/** 123450 paise → "1234.50" (for a rupees input field; no grouping, no symbol). */
export function paiseToRupeesInput(paise: number | null | undefined): string {
  return paise === null || paise === undefined ? '' : paiseToRupeesText(paise);
}

/** 1500 g → "1.5 kg", 250 g → "250 g". */
export function formatWeightGrams(grams: number): string {
  if (grams < 1000) return `${formatCount(grams)} g`;
  return `${new Intl.NumberFormat('en-IN', { maximumFractionDigits: 3 }).format(grams / 1000)} kg`;
}
