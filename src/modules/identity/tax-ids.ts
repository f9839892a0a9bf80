import { z } from 'zod';

/** Indian tax identifiers: PAN (Permanent Account Number) and GSTIN (GST registration number). */

const base36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const panPattern = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
/** State code, PAN, entity digit, `Z`, check character (the check is verified separately). */
const gstinShape = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** GST state codes 01–38, plus 97 (other territory) and 99 (centre jurisdiction). */
export function isValidGstStateCode(code: string): boolean {
  if (!/^[0-9]{2}$/.test(code)) return false;
  const value = Number(code);
  return (value >= 1 && value <= 38) || value === 97 || value === 99;
}

/**
 * The official GSTIN check character: over the first 14 characters (base-36 values), weights
 * alternate 1, 2; each product contributes quotient + remainder of division by 36; the check
 * value is (36 − sum mod 36) mod 36. Returns `undefined` for a character outside 0–9/A–Z.
 */
export function gstinCheckCharacter(first14: string): string | undefined {
  let sum = 0;
  for (let index = 0; index < 14; index += 1) {
    const value = base36.indexOf(first14.charAt(index));
    if (value < 0) return undefined;
    const product = value * (index % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return base36.charAt((36 - (sum % 36)) % 36);
}

/** The PAN embedded in a (well-formed) GSTIN: characters 3–12. */
export function panOfGstin(gstin: string): string {
  return gstin.slice(2, 12);
}

/** Why a GSTIN is invalid, or `null` when it is valid. Expects an upper-case, trimmed value. */
export function gstinProblem(gstin: string): string | null {
  if (gstin.length !== 15) return 'GSTIN must be exactly 15 characters';
  if (!isValidGstStateCode(gstin.slice(0, 2))) return 'GSTIN state code must be 01–38, 97 or 99';
  if (!panPattern.test(panOfGstin(gstin)))
    return 'GSTIN must contain a valid PAN (characters 3–12)';
  if (!gstinShape.test(gstin))
    return 'GSTIN must end with an entity character (1–9 or A–Z), Z and a check character';
  if (gstinCheckCharacter(gstin) !== gstin.charAt(14)) return 'GSTIN checksum does not match';
  return null;
}

/**
 * The patterns as a client may send them: any case, surrounding white space (both are
 * normalised). They are what the OpenAPI document states; on the normalised value they accept
 * exactly what `panPattern` and `gstinProblem` (but for the checksum) accept.
 */
const panInputPattern = /^\s*[A-Za-z]{5}[0-9]{4}[A-Za-z]\s*$/;
const gstinInputPattern =
  /^\s*(0[1-9]|[12][0-9]|3[0-8]|97|99)[A-Za-z]{5}[0-9]{4}[A-Za-z][1-9A-Za-z][Zz][0-9A-Za-z]\s*$/;
/** The shape of a GSTIN without the state-code and checksum checks (registration). */
export const gstinShapeInputPattern =
  /^\s*[0-9]{2}[A-Za-z]{5}[0-9]{4}[A-Za-z][1-9A-Za-z][Zz][0-9A-Za-z]\s*$/;

/** PAN, trimmed and upper-cased before it is checked. */
export const panSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(panInputPattern, 'PAN must be 5 letters, 4 digits and a letter, like AAPFU0939F');

/** GSTIN, trimmed and upper-cased before it is checked, including its checksum. */
export const gstinSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, context) => {
    const problem = gstinProblem(value);
    // `continue: false`: the precise reason is the only issue, the pattern below is not checked.
    if (problem) context.addIssue({ code: 'custom', message: problem, continue: false });
  })
  // Never fails after the check above; it puts the rule in the OpenAPI document.
  .regex(gstinInputPattern)
  .describe(
    'GSTIN (any case, trimmed): state code 01–38, 97 or 99, the PAN, an entity character, `Z` and a check character that must match the GSTIN checksum.',
  );
