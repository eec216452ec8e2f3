// The guest's "send my stay link again": who may ask, how often, and what counts as sent.
// The message goes only to contacts already on the booking, never to one typed with the
// request, so knowing a reference and surname can at most repeat a message to its owner.

/** Sends per booking within RESEND_WINDOW_MS, whoever asks: a guest needs one, maybe two. */
export const RESENDS_PER_BOOKING = 3;
/** Requests per client within RESEND_WINDOW_MS, across bookings. */
export const RESENDS_PER_CLIENT = 10;
export const RESEND_WINDOW_MS = 60 * 60_000;

export type ResendRefusal = "not-checked-in" | null;

/** Only a checked-in booking has a stay link to send. */
export function resendRefusal(status: "confirmed" | "checked_in" | "cancelled" | "no_show"): ResendRefusal {
  return status === "checked_in" ? null : "not-checked-in";
}

/** The idempotency-key version of one guest request: a new row per request, told apart from the desk's. */
export function guestResendVersion(nonce: string): string {
  return `guest-resend-${nonce}`;
}
