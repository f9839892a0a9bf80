/**
 * The one rule behind every "running low" alert (stock at a location, money in a wallet): an
 * alert fires when a figure crosses its threshold from above — it was above and is now at or
 * below. Staying low does not alert again, and rising back above re-arms it, so one slide down
 * gives one alert however many changes it takes.
 */
export function crossedBelowThreshold(
  before: number,
  after: number,
  threshold: number | null,
): boolean {
  if (threshold === null) return false;
  return before > threshold && after <= threshold;
}
