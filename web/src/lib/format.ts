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

/** What a person types ("98765 43210", "+91-98765-43210") → "+919876543210", or null if not Indian mobile/landline length. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[^\d]/g, '');
  const national =
    digits.length === 12 && digits.startsWith('91')
      ? digits.slice(2)
      : digits.length === 11 && digits.startsWith('0')
        ? digits.slice(1)
        : digits;
  return /^[1-9]\d{9}$/.test(national) ? `+91${national}` : null;
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
