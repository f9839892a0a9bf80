/**
 * An amount in words as Indian invoices write it: the Indian numbering system (thousand, lakh,
 * crore; beyond 99 crore the crores are counted again), `Rupees … and … Paise Only`.
 */
const ones = [
  'Zero',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
];
const tens = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 1–99. */
function belowHundred(value: number): string {
  if (value < 20) return ones[value] ?? '';
  const unit = value % 10;
  const ten = tens[Math.floor(value / 10)] ?? '';
  return unit === 0 ? ten : `${ten} ${ones[unit] ?? ''}`;
}

/** 1–999. */
function belowThousand(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ones[hundreds] ?? ''} Hundred`);
  if (rest > 0) parts.push(belowHundred(rest));
  return parts.join(' ');
}

/** A whole number ≥ 0 in words, Indian system: `1,23,45,678` → One Crore Twenty Three Lakh … */
export function indianNumberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`not a non-negative safe integer: ${value}`);
  if (value === 0) return 'Zero';
  const crores = Math.floor(value / 10_000_000);
  const lakhs = Math.floor((value % 10_000_000) / 100_000);
  const thousands = Math.floor((value % 100_000) / 1000);
  const rest = value % 1000;
  const parts: string[] = [];
  // Above 99 crore Indian usage keeps counting crores: "One Hundred Twenty Crore".
  if (crores > 0) parts.push(`${indianNumberInWords(crores)} Crore`);
  if (lakhs > 0) parts.push(`${belowHundred(lakhs)} Lakh`);
  if (thousands > 0) parts.push(`${belowHundred(thousands)} Thousand`);
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}

/** `12345678` paise → `Rupees One Lakh Twenty Three Thousand Four Hundred Fifty Six and Seventy Eight Paise Only`. */
export function amountInWords(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0)
    throw new RangeError(`not a non-negative amount in paise: ${paise}`);
  const rupees = Math.floor(paise / 100);
  const remainder = paise % 100;
  const rupeeWords = `Rupees ${indianNumberInWords(rupees)}`;
  return remainder === 0
    ? `${rupeeWords} Only`
    : `${rupeeWords} and ${belowHundred(remainder)} Paise Only`;
}

/** `12345678` paise → `1,23,456.78` (Indian digit grouping), as invoices print amounts. */
export function formatRupees(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`not an amount in paise: ${paise}`);
  const sign = paise < 0 ? '-' : '';
  const absolute = Math.abs(paise);
  const rupees = String(Math.floor(absolute / 100));
  const decimals = String(absolute % 100).padStart(2, '0');
  const lastThree = rupees.slice(-3);
  const head = rupees.slice(0, -3);
  const grouped = head ? `${head.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${lastThree}` : lastThree;
  return `${sign}${grouped}.${decimals}`;
}
