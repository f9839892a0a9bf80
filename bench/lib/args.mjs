// Shared by the bench scripts: `--name value` command-line pairs and small statistics helpers.

/** `--seconds 10 --rounds 3` → `{ seconds: '10', rounds: '3' }` (values stay strings). */
export function parseArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.reduce(
      (pairs, value, index, all) =>
        value.startsWith('--') ? [...pairs, [value.slice(2), all[index + 1]]] : pairs,
      [],
    ),
  );
}

/** The upper median (the middle element of the sorted values; for an even count, the higher). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Nearest-rank percentile (`p` in 0–100) of already sorted values. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The median proper: the middle value, or the mean of the two middle values for an even count. */
export function middle(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}
