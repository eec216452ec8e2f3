// Wire schemas of the integrators' API (/api/v1): the routes validate with them and the
// OpenAPI document (party/http/v1/openapi.ts) is generated from them, so the two cannot drift.
// Field names and rules are the desk's (shared/bookings-protocol.ts) wherever they overlap.
import { z } from "zod/mini";
import { bookingCursor, bookingSource, bookingStatus } from "./bookings-protocol";

const isoDate = z.iso.date("Use a date like 2026-01-31");
const time = z.string().check(z.regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "Enter a time like 12:00"));
const optionalText = (max: number) => z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max))));

export const API_V1_PAGE_SIZE = 50;
export const API_V1_MAX_PAGE_SIZE = 200;

export const apiReference = z
  .string()
  .check(z.regex(/^[A-Za-z0-9]{4,16}$/, "A reference is 4 to 16 letters or digits"));

export const apiReservation = z.object({
  bookingRef: z.string(),
  status: bookingStatus,
  roomId: z.string(),
  roomName: z.string(),
  checkInDate: z.string(),
  checkOutDate: z.string(),
  earlyCheckInTime: z.nullable(z.string()),
  lateCheckoutTime: z.nullable(z.string()),
  expectedGuestName: z.nullable(z.string()),
  expectedGuestEmail: z.nullable(z.string()),
  expectedGuestPhone: z.nullable(z.string()),
  /** True once the guest completed online check-in; the guest's own details stay in Frontdoor. */
  checkedIn: z.boolean(),
  source: bookingSource,
});
export type ApiReservation = z.infer<typeof apiReservation>;

/** PUT /reservations/{ref}: the whole booking as the integrator's system holds it. Unknown fields are refused. */
export const apiReservationInput = z.strictObject({
  roomId: z.string().check(z.minLength(1, "Give the room's id (GET /api/v1/rooms lists them)"), z.maxLength(64)),
  checkInDate: isoDate,
  checkOutDate: isoDate,
  earlyCheckInTime: z.optional(z.nullable(time)),
  lateCheckoutTime: z.optional(z.nullable(time)),
  expectedGuestName: optionalText(120),
  expectedGuestEmail: optionalText(254),
  expectedGuestPhone: optionalText(40),
});
export type ApiReservationInput = z.input<typeof apiReservationInput>;

export const apiReservationsQuery = z
  .strictObject({
    /** Arrival dates from (inclusive). */
    from: z.optional(isoDate),
    /** Arrival dates to (inclusive). */
    to: z.optional(isoDate),
    status: z.optional(bookingStatus),
    /** `nextCursor` of the previous page. */
    cursor: z.optional(bookingCursor),
    limit: z.optional(
      z
        .string()
        .check(z.regex(/^\d{1,3}$/, "limit is a whole number"))
        .check(
          z.refine((s) => Number(s) >= 1 && Number(s) <= API_V1_MAX_PAGE_SIZE, {
            message: `limit is 1 to ${API_V1_MAX_PAGE_SIZE}`,
          }),
        ),
    ),
  })
  .check(
    z.refine((q) => !(q.from && q.to) || q.from <= q.to, { message: "`from` must not be after `to`", path: ["from"] }),
  );

export const apiReservationsPage = z.object({
  reservations: z.array(apiReservation),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type ApiReservationsPage = z.infer<typeof apiReservationsPage>;

export const apiRoom = z.object({ roomId: z.string(), name: z.string(), retired: z.boolean() });
export const apiRooms = z.object({ rooms: z.array(apiRoom) });
export type ApiRooms = z.infer<typeof apiRooms>;

export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    retryAfterSeconds: z.optional(z.number()),
  }),
});

/** Stripe's rule: a client-chosen key, reused only for a retry of the same request. */
export const idempotencyKey = z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/, "1 to 255 printable characters"));

export const webhookEventTypeSchema = z.enum(["checkin.completed", "checkin.failed", "reservation.changed"]);

export const apiWebhookEvent = z.object({
  id: z.string(),
  type: webhookEventTypeSchema,
  /** Unix seconds. */
  created: z.number(),
  data: z.object({ reservation: apiReservation }),
});
