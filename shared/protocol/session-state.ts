// A check-in session as it is shown outside its room: to the guest's socket, to the
// stay page, and to staff acting on it.
import { z } from "zod/mini";
import type { PublicSessionState, ReservationSummary } from "../../domain/checkin-types";
import type { GuestDetails, ParkingDetails } from "../../domain/guest-details";
import { int, language, pinStatus, stepName, type Same } from "./common";
import { sessionErrorCode } from "./errors";

export const reservationSummary = z.object({
  bookingRef: z.string(),
  propertyId: z.string(),
  propertyName: z.string(),
  propertyPhone: z.string(),
  /** ISO 3166-1 alpha-2: the phone region the wizard assumes. Absent in sessions started before it existed. */
  propertyCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  roomName: z.string(),
  checkInDate: z.string(),
  checkOutDate: z.string(),
  earlyCheckInTime: z.nullable(z.string()),
  lateCheckoutTime: z.nullable(z.string()),
});
true satisfies Same<z.infer<typeof reservationSummary>, ReservationSummary>;

export const guestDetails = z.object({
  fullName: z.string(),
  phoneE164: z.string(),
  email: z.nullable(z.string()),
});
true satisfies Same<z.infer<typeof guestDetails>, GuestDetails>;

export const parkingDetails = z.object({
  hasCar: z.boolean(),
  registration: z.nullable(z.string()),
});
true satisfies Same<z.infer<typeof parkingDetails>, ParkingDetails>;

export const lockCodeState = z.enum(["setting", "set", "failed", "removed"]);

export const publicSessionState = z.object({
  sessionId: z.string(),
  step: stepName,
  reservation: reservationSummary,
  details: z.nullable(guestDetails),
  parking: z.nullable(parkingDetails),
  pin: z.object({
    status: pinStatus,
    attempts: int(),
    error: z.nullable(z.string()),
    locks: z.optional(z.object({ frontDoor: z.nullable(lockCodeState), room: z.nullable(lockCodeState) })),
  }),
  confirmPending: z.boolean(),
  stayToken: z.nullable(z.string()),
  error: z.nullable(z.string()),
  errorCode: z.nullable(sessionErrorCode),
  language: z.nullable(language),
});
true satisfies Same<z.infer<typeof publicSessionState>, PublicSessionState>;
