// No imports here: the web app's forms normalise phones with this same rule (web/src/lib/format.ts).

/**
 * The one Indian phone rule of every endpoint (api-v1, Conventions): 10 digits, the first not 0
 * (a mobile number, or a landline as its STD code without the trunk 0 and the subscriber number),
 * optionally after `0`, `91` or `+91`. Between them people may put white space, hyphens (or
 * dashes) and one pair of brackets — "(011) 2345 6789", "(+91) 98765 43210" — as landlines and
 * business cards write them. Nothing else: no dots, no letters, no `0091`, no `+91 0…`.
 */
export const indianPhoneRule =
  'must be a 10-digit Indian phone number, optionally after 0, 91 or +91, with spaces, hyphens or brackets if you like: 9876543210, 09876543210, 919876543210, +91 98765-43210, (011) 2345 6789';

/** Longer input is refused before any work (a phone number with separators is about 17). */
export const maxIndianPhoneInputLength = 40;

/** The characters a phone number may be typed with (the shape the OpenAPI document states). */
export const indianPhoneInputPattern = /^[\d\s()+\-\u2010-\u2015]{10,40}$/;

const separators = /[\s()\-\u2010-\u2015]/g;
/** At most one pair of brackets, opened before it is closed, with something inside. */
const brackets = /^[^()]*(\([^()]+\)[^()]*)?$/;
/** After the separators are gone: the optional prefix and the 10 national digits. */
const compactForm = /^(?:\+91|91|0)?([1-9]\d{9})$/;

/**
 * What a person typed → the phone as stored and shown, `+91XXXXXXXXXX`; `null` when it does not
 * follow the rule. "98765 43210", "098765-43210", "919876543210" and "+91 98765 43210" all give
 * "+919876543210". The lengths decide the prefix: 10 digits have none, 11 start with `0`, 12 with
 * `91` (so a number that itself begins with 91 is never mistaken for one with a prefix).
 */
export function normaliseIndianPhone(input: string): string | null {
  if (input.length > maxIndianPhoneInputLength) return null;
  const text = input.trim();
  if (!indianPhoneInputPattern.test(text) || !brackets.test(text)) return null;
  const national = compactForm.exec(text.replace(separators, ''))?.[1];
  return national === undefined ? null : `+91${national}`;
}
