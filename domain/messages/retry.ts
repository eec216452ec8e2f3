// After a transient provider failure: try again later, each wait longer, for a bounded
// time from the first attempt; then the message is failed and the desk says so.
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_WAIT_MS = 30 * 60_000;
export const RETRY_FOR_MS = 6 * 3_600_000;
/** How long a claimed row stays `sending` before another run may take it over (a crash). */
export const CLAIM_MS = 2 * 60_000;

/**
 * When to try again after `attempts` tries (1 after the first), or null to give up.
 * `jitter` in [0, 1) spreads retries of many messages failing together.
 */
export function nextRetryAt(
  attempts: number,
  firstAttemptAt: number,
  now: number,
  jitter: number,
  providerWaitMs?: number,
): number | null {
  const backoff = Math.min(RETRY_BASE_MS * 2 ** Math.max(attempts - 1, 0), RETRY_MAX_WAIT_MS);
  const wait = Math.max(backoff * (0.75 + jitter / 2), providerWaitMs ?? 0);
  const at = now + wait;
  return at - firstAttemptAt > RETRY_FOR_MS ? null : at;
}
