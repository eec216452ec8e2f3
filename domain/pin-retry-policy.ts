// When to try the lock provider again. Exponential backoff with full jitter keeps
// many rooms that failed together (a provider outage) from retrying in lockstep.
export interface PinRetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * @param attempt how many attempts have been made so far (>= 1)
 * @param random a number in [0, 1); injected so tests are deterministic
 */
export function decideRetry(
  policy: PinRetryPolicy,
  attempt: number,
  failure: { transient: boolean; message: string },
  random: number,
): RetryDecision {
  if (!failure.transient) return { retry: false, reason: failure.message };
  if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: `The door lock service did not respond after ${attempt} attempts` };
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Never zero: half the ceiling is fixed, the other half is jitter.
  const delayMs = Math.round(ceiling / 2 + (ceiling / 2) * random);
  return { retry: true, delayMs };
}
