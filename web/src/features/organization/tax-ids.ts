/**
 * Client-side shape checks mirroring the API's (src/modules/identity/tax-ids.ts); the server
 * also verifies the GSTIN check character and answers with a field error if it does not match.
 */
export const panPattern = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
const gstinShape = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** Why a GSTIN is malformed, or null. Expects an upper-case, trimmed value. */
export function gstinShapeProblem(gstin: string): string | null {
  if (gstin.length !== 15) return 'A GSTIN has 15 characters, like 27AAPFU0939F1ZV';
  const state = Number(gstin.slice(0, 2));
  if (!((state >= 1 && state <= 38) || state === 97 || state === 99))
    return 'A GSTIN starts with a state code 01–38, 97 or 99';
  if (!gstinShape.test(gstin)) return 'A GSTIN looks like 27AAPFU0939F1ZV';
  return null;
}

/** The PAN inside a GSTIN: characters 3–12. */
export function panOfGstin(gstin: string): string {
  return gstin.slice(2, 12);
}
