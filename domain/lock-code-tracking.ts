// Where the guest's code is on each lock: `setting` (sent to the lock), `set` (confirmed
// on the lock), `failed` or `removed`. Observations come from Seam's webhooks and from
// polling; each carries the time it describes, so a replayed or late one can never
// move a lock back to an older state.
export type LockCodeState = "setting" | "set" | "failed" | "removed";
export type LockSide = "frontDoor" | "room";

export interface LockCodeStatus {
  state: LockCodeState;
  /** When the lock was in this state (the event's occurred_at, or the poll's time), epoch ms. */
  at: number;
  /**
   * Set while the state is only what sending the code implies (no webhook or poll has spoken
   * yet): a lock may confirm before the session records that it sent, so any news wins.
   */
  assumed?: true;
}

export interface LockCodeTracking {
  frontDoor: LockCodeStatus | null;
  room: LockCodeStatus | null;
  /** When the codes were sent, epoch ms. */
  since: number;
  /** Polls made since the codes were sent; spaces out the next one. */
  polls: number;
  /** When to ask the lock service again; null once no lock is waiting. */
  nextPollAt: number | null;
}

export interface LockObservation {
  side: LockSide;
  state: LockCodeState;
  at: number;
}

/** Polls back off from the base interval to 16 times it, and stop this long after the codes were sent. */
const POLL_FACTOR_CAP = 16;
export const POLL_FOR_MS = 24 * 3_600_000;

/** A code just sent to a lock: `setting` until the lock says otherwise. */
export const sentStatus = (now: number): LockCodeStatus => ({ state: "setting", at: now, assumed: true });

/** `confirmed`: sides with nothing to confirm (a manual code is on its key box already), `set` at once. */
export function startTracking(
  sides: readonly LockSide[],
  now: number,
  pollMs: number,
  confirmed: readonly LockSide[] = [],
): LockCodeTracking {
  const status = (side: LockSide): LockCodeStatus | null =>
    confirmed.includes(side) ? { state: "set", at: now } : sides.includes(side) ? sentStatus(now) : null;
  return {
    frontDoor: status("frontDoor"),
    room: status("room"),
    since: now,
    polls: 0,
    nextPollAt: sides.some((side) => !confirmed.includes(side)) ? now + pollMs : null,
  };
}

const waiting = (t: LockCodeTracking) => t.frontDoor?.state === "setting" || t.room?.state === "setting";

/**
 * Applies observations; returns null when none changes anything (older than what is
 * known, the same state again, or after a removal, which is final).
 */
export function observe(tracking: LockCodeTracking, observations: readonly LockObservation[]): LockCodeTracking | null {
  let next = tracking;
  for (const o of observations) {
    const current = next[o.side];
    if (current === null || current.state === o.state || current.state === "removed") continue;
    if (o.at < current.at && !current.assumed) continue;
    next = { ...next, [o.side]: { state: o.state, at: o.at } };
  }
  if (next === tracking) return null;
  return waiting(next) ? next : { ...next, nextPollAt: null };
}

/** After a poll: the next one, later each time, while a lock still has not confirmed the code. */
export function afterPoll(tracking: LockCodeTracking, now: number, pollMs: number): LockCodeTracking {
  const polls = tracking.polls + 1;
  const stillWaiting = waiting(tracking) && now - tracking.since < POLL_FOR_MS;
  const delay = pollMs * Math.min(2 ** polls, POLL_FACTOR_CAP);
  return { ...tracking, polls, nextPollAt: stillWaiting ? now + delay : null };
}

/** The words guests and staff read: a code is only "confirmed" once the lock says so. */
export function lockCodeWords(status: LockCodeStatus | null): string {
  return lockStateWords(status?.state ?? null);
}

export function lockStateWords(state: LockCodeState | null): string {
  switch (state) {
    case "set":
      return "Confirmed on the lock";
    case "setting":
      return "Sent to the lock";
    case "failed":
      return "The lock did not accept the code";
    case "removed":
      return "Removed from the lock";
    default:
      return "Not sent yet";
  }
}
