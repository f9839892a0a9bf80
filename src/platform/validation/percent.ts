// No imports here: the web app's part form reads GST rates with this same rule.

const percent = /^(\d{1,3}(?:\.\d{1,2})?)\s*%?$/;

/**
 * A percentage as people write it → its number: "18", "18%", "18 %", "18.0", "0.25%" → 18, 18,
 * 18, 18, 0.25; `null` for anything else (negatives, more than two decimals, text). Whether the
 * number is allowed (a GST slab, say) is the caller's rule.
 */
export function parsePercent(input: string): number | null {
  const match = percent.exec(input.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
}
