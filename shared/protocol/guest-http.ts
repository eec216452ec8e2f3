// The guest's HTTP API under /api: booking lookup and the stay page.
import { z } from "zod/mini";
import { stayToken } from "./common";
import { manualCodeView } from "./guest-stay";
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
   * guest's browser kept, the stay link sent again to the booking's contacts, or the front desk's phone.
   */
  z.object({ kind: z.literal("checked-in"), bookingRef: z.string(), propertyPhone: z.string() }),
  z.object({ kind: z.literal("not-found"), bookingRef: z.string() }),
]);
export type LookupResponse = z.infer<typeof lookupResponse>;

/** "Send my stay link again": the same proof as the lookup; where it goes is the booking's, not typed here. */
export const stayLinkResendRequest = lookupRequest;

/** Where the message went, masked ("k•••@example.com", "•••• 1234"): enough to recognise, not to learn. */
export const resendDestination = z.object({
  channel: z.enum(["email", "sms"]),
  to: z.string().check(z.maxLength(254)),
});

export const stayLinkResendResponse = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sent"), sentTo: z.array(resendDestination).check(z.minLength(1), z.maxLength(2)) }),
  /** No email or phone on the booking that may be written to (none given, or it asked for no more messages). */
  z.object({ kind: z.literal("no-contact"), propertyPhone: z.string() }),
]);
export type StayLinkResendResponse = z.infer<typeof stayLinkResendResponse>;

/** The stay token travels in a body, never in a URL a log would keep. */
export const stayRequest = z.object({ token: stayToken });

export const stayResponse = z.extend(z.omit(reservationSummary, { propertyId: true }), {
  guestName: z.string(),
  /** Local times the PIN is valid, in the property's time zone, for the guest to read. */
  pinValidFrom: z.string(),
  pinValidUntil: z.string(),
  timeZone: z.string(),
  pin: z.nullable(z.string()),
  /** Manual locks' codes, only inside the stay window (as the stay socket gives them). */
  manual: z.object({ frontDoor: z.nullable(manualCodeView), room: z.nullable(manualCodeView) }),
  carRegistration: z.nullable(z.string()),
});
export type StayResponse = z.infer<typeof stayResponse>;
