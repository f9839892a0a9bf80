// WCAG 2.x contrast arithmetic for the theme: Mantine's default light-scheme colours put text
// below AA (yellow badge text 2.69:1, white on orange 2.57:1, grey labels 3.32:1), so the theme
// derives its text and fill colours from the palette here, darkening until they reach AA.

/** AA for normal text (WCAG 1.4.3); large text and UI parts need only 3:1. */
export const aaContrast = 4.5;

/** `#rgb` or `#rrggbb` → [r, g, b] in 0–255. */
export function parseHex(hex: string): [number, number, number] {
  const digits = hex.replace(/^#/, '');
  const full =
    digits.length === 3
      ? [...digits].map((digit) => digit + digit).join('')
      : digits.slice(0, 6).padEnd(6, '0');
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as [
    number,
    number,
    number,
  ];
}

/** [r, g, b] → `#rrggbb`. */
export function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b]
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG relative luminance of a colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** `colour` with its channels scaled towards black by `amount` (0–1). */
export function darken(colour: string, amount: number): string {
  const [r, g, b] = parseHex(colour);
  const factor = 1 - amount;
  return toHex([r * factor, g * factor, b * factor]);
}

/**
 * `colour`, or the least darkened version of it (same hue, channels scaled towards black in 2 %
 * steps) that reaches `minimum` contrast against every one of `backgrounds`. Black, the last
 * step, reaches 4.5:1 against any background lighter than about #767676.
 */
export function darkenUntil(
  colour: string,
  backgrounds: string[],
  minimum: number = aaContrast,
): string {
  for (let step = 0; step <= 50; step += 1) {
    const candidate = darken(colour, step * 0.02);
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= minimum))
      return candidate;
  }
  return '#000000';
}
