// The guest's HTTP API under /api: booking lookup and the stay page.
import { z } from "zod/mini";
import { stayToken } from "./common";
import { reservationSummary } from "./session-state";

/**
 * The reference and a second fact from the booking: the surname as booked, or the email or
 * phone it was made with. The reference alone is guessable; together they are the proof.
 */
export const lookupRequest = z.object({
  bookingRef: z.string().check(z.maxLength(64)),
  proof: z.string().check(z.minLength(1, "proof_missing"), z.maxLength(254)),
});
export type LookupRequest = z.infer<typeof lookupRequest>;

export const lookupResponse = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("session"), sessionId: z.string(), bookingRef: z.string() }),
  /**
   * Already checked in (told only to someone with the proof): the way back is the stay link the
   * guest's browser kept, or the front desk's phone. SEAM(messages): "send my stay link again"
   * joins here once a delivery channel exists.
   */
  z.object({ kind: z.literal("checked-in"), bookingRef: z.string(), propertyPhone: z.string() }),
  z.object({ kind: z.literal("not-found"), bookingRef: z.string() }),
]);
export type LookupResponse = z.infer<typeof lookupResponse>;

/** The stay token travels in a body, never in a URL a log would keep. */
export const stayRequest = z.object({ token: stayToken });

export const stayResponse = z.extend(z.omit(reservationSummary, { propertyId: true }), {
  guestName: z.string(),
  /** Local times the PIN is valid, in the property's time zone, for the guest to read. */
  pinValidFrom: z.string(),
  pinValidUntil: z.string(),
  timeZone: z.string(),
  pin: z.nullable(z.string()),
  carRegistration: z.nullable(z.string()),
});
export type StayResponse = z.infer<typeof stayResponse>;
