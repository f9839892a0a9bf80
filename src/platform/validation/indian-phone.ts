// No imports here: the web app's forms normalise phones with this same rule (web/src/lib/format.ts).

/**
 * The one Indian phone rule of every endpoint (api-v1, Conventions): 10 digits, the first not 0
 * (a mobile number, or a landline as its STD code without the trunk 0 and the subscriber number),
 * optionally after `0`, `91` or `+91`. Around and between them people put spaces, hyphens (or
 * dashes) and brackets — "+91 98765-43210", "(011) 2345 6789", "(+91) 98765 43210" — so those
 * are ignored, up to three in a row. Nothing else: no dots, no letters, no `0091`, no `+91 0…`.
 */
export const indianPhoneRule =
  'must be a 10-digit Indian phone number, optionally after 0, 91 or +91, with spaces, hyphens or brackets if you like: 9876543210, 09876543210, 919876543210, +91 98765-43210, (011) 2345 6789';

/** Up to three separators: white space, a hyphen or dash, a bracket. */
const gap = '[\\s()\\-\\u2010-\\u2015]{0,3}';

/**
 * The rule itself, exactly (the OpenAPI document states it as the field's pattern): an optional
 * prefix, then the 10 national digits, separators allowed between any two of them. A regular
 * expression with bounded repetitions only, so it cannot backtrack badly on any input.
 */
export const indianPhonePattern = new RegExp(
  `^${gap}(?:(?:\\+91|91|0)${gap})?[1-9](?:${gap}\\d){9}${gap}$`,
);

/**
 * What a person typed → the phone as stored and shown, `+91XXXXXXXXXX`; `null` when it does not
 * follow the rule. "98765 43210", "098765-43210", "919876543210" and "+91 98765 43210" all give
 * "+919876543210". The lengths decide the prefix: 10 digits have none, 11 start with `0`, 12 with
 * `91` (so a number that itself begins with 91 is never mistaken for one with a prefix).
 */
export function normaliseIndianPhone(input: string): string | null {
  if (!indianPhonePattern.test(input)) return null;
  return `+91${input.replace(/\D/g, '').slice(-10)}`;
}
