// Per-account sign-in backoff: a few free failures, then each further failure doubles
// the wait before the next try, up to a ceiling. Keyed by the account alone, so
// rotating addresses gains nothing; the ceiling is short, so an attacker can only slow
// a manager down, never lock them out for long. A success clears it.

export interface LoginFailures {
  count: number;
  /** Earliest time the next attempt is heard; 0 while the free tries last. */
  nextAttemptAt: number;
  lastFailureAt: number;
}

export const FREE_FAILURES = 5;
export const FIRST_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 5 * 60_000;
/** Failures older than this are forgotten, so a manager's typo last week costs nothing today. */
export const FORGET_AFTER_MS = 24 * 3600_000;

export function waitBeforeAttempt(state: LoginFailures | undefined, now: number): number {
  return state ? Math.max(0, state.nextAttemptAt - now) : 0;
}

export function backoffAfter(count: number): number {
  if (count < FREE_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (count - FREE_FAILURES));
}

export function recordFailure(state: LoginFailures | undefined, now: number): LoginFailures {
  const forgotten = !state || now - state.lastFailureAt > FORGET_AFTER_MS;
  const count = (forgotten ? 0 : state.count) + 1;
  const wait = backoffAfter(count);
  return { count, nextAttemptAt: wait === 0 ? 0 : now + wait, lastFailureAt: now };
}
