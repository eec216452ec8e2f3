// When a failed webhook delivery is tried again: exponential backoff from the first wait,
// capped at an hour between attempts, and given up 24 hours after the event.
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const WEBHOOK_MAX_WAIT_MS = 60 * 60 * 1000;

/**
 * The next attempt after `attempts` failed ones (1 after the first failure), or null when
 * it would fall outside the retry window: the delivery has failed for good.
 */
export function nextWebhookAttempt(createdAt: number, attempts: number, now: number, baseMs: number): number | null {
  const wait = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), WEBHOOK_MAX_WAIT_MS);
  const at = now + wait;
  return at > createdAt + WEBHOOK_RETRY_WINDOW_MS ? null : at;
}

/** 2xx is delivered; anything else (or no answer) is retried, as Stripe does. */
export const deliveredStatus = (status: number) => status >= 200 && status < 300;
