// The guest's HTTP API under /api: booking lookup, returning-guest access, the stay page.
import { z } from "zod/mini";
import { reservationSummary } from "./session-state";

export const lookupRequest = z.object({ bookingRef: z.string().check(z.maxLength(64)) });
export type LookupRequest = z.infer<typeof lookupRequest>;

export const lookupResponse = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("session"), sessionId: z.string(), bookingRef: z.string() }),
  /** Already checked in: the client asks for the last four digits of the phone given at check-in. */
  z.object({ kind: z.literal("checked-in"), bookingRef: z.string() }),
  z.object({ kind: z.literal("not-found"), bookingRef: z.string() }),
]);
export type LookupResponse = z.infer<typeof lookupResponse>;

export const stayAccessRequest = z.object({
  bookingRef: z.string().check(z.maxLength(64)),
  phoneLast4: z.string().check(z.regex(/^\d{4}$/, "phone_last4_invalid")),
});
export const stayAccessResponse = z.object({ stayToken: z.string() });

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
