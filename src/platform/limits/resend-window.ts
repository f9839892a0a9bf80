/**
 * "At most `max` in any `windowMs`": a sliding-window limit over a short list of the times
 * something was done (resending an invitation e-mail). The list is all the state there is — at
 * most `max` entries, the ones inside the window — so it fits a column of the row it limits and
 * is checked and written under that row's lock. Pure: the caller passes the clock.
 */
export interface SlidingLimit {
  max: number;
  windowMs: number;
}

export type LimitDecision =
  { admitted: true; recent: Date[] } | { admitted: false; retryAfterSeconds: number };

/**
 * Admits one more at `now` when fewer than `max` of `recent` fall inside the window ending at
 * `now`; the answer's `recent` is what to store (inside the window, `now` included). A refusal
 * says when the oldest of them leaves the window (at least 1 s).
 */
export function admitWithin(
  recent: readonly Date[],
  now: Date,
  limit: SlidingLimit,
): LimitDecision {
  const inside = recent
    .filter((at) => now.getTime() - at.getTime() < limit.windowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  if (inside.length < limit.max) return { admitted: true, recent: [...inside, now] };
  const oldest = inside[inside.length - limit.max] ?? now;
  const waitMs = oldest.getTime() + limit.windowMs - now.getTime();
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Invitations (staff and partner) may be resent at most 3 times in any hour each. */
export const invitationResendLimit: SlidingLimit = { max: 3, windowMs: 60 * 60 * 1000 };
