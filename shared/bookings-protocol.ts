// Wire schemas for the desk's Bookings, Property and Rooms pages and the guest's
// check-in link. Shared by the Hono routes and the desk client; zod/mini like the rest.
import { z } from "zod/mini";

const isoDate = z.iso.date("Use a date like 2026-01-31");
const time = z.string().check(z.regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "Enter a time like 12:00"));
const optionalText = (max: number) => z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max))));

export const bookingStatus = z.enum(["confirmed", "checked_in", "cancelled", "no_show"]);
export type BookingStatus = z.infer<typeof bookingStatus>;
export const bookingSource = z.enum(["demo", "desk", "csv", "ical", "api"]);

export const deskBooking = z.object({
  reservationId: z.string(),
  bookingRef: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  status: bookingStatus,
  checkInDate: z.string(),
  checkOutDate: z.string(),
  earlyCheckInTime: z.nullable(z.string()),
  lateCheckoutTime: z.nullable(z.string()),
  expectedGuestName: z.nullable(z.string()),
  expectedGuestEmail: z.nullable(z.string()),
  expectedGuestPhone: z.nullable(z.string()),
  /** The name the guest gave at check-in, once they have. */
  guestName: z.nullable(z.string()),
  source: bookingSource,
  /** Wrong second facts typed with this reference, the last at `proofFailedAt`: repeated ones are an alert. */
  proofFailures: z.number(),
  proofFailedAt: z.nullable(z.number()),
});
export type DeskBooking = z.infer<typeof deskBooking>;

export const bookingPreset = z.enum(["today", "tomorrow", "next-14-days", "past-7-days"]);
export type BookingPreset = z.infer<typeof bookingPreset>;

/** Where the last page ended: its last row's arrival date and reference. */
export const bookingCursor = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}~[A-Z0-9]{4,16}$/, "Not a page cursor"));

export const deskBookingsQuery = z
  .object({
    preset: z.optional(bookingPreset),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    q: z.optional(z.string().check(z.trim(), z.maxLength(64))),
    after: z.optional(bookingCursor),
  })
  .check(
    z.refine((q) => !(q.from && q.to) || q.from <= q.to, { message: "`from` must not be after `to`", path: ["from"] }),
  );
export type DeskBookingsQuery = z.infer<typeof deskBookingsQuery>;

export const BOOKINGS_PAGE_SIZE = 50;

export const deskBookingsResponse = z.object({
  today: z.string(),
  /** Arrival dates covered, both ends included; null when a search covers every date. */
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  bookings: z.array(deskBooking),
  nextCursor: z.nullable(z.string()),
});
export type DeskBookingsResponse = z.infer<typeof deskBookingsResponse>;

const stayFields = {
  roomId: z.string().check(z.minLength(1, "Choose a room"), z.maxLength(64)),
  checkInDate: isoDate,
  checkOutDate: isoDate,
  earlyCheckInTime: z.optional(z.nullable(time)),
  lateCheckoutTime: z.optional(z.nullable(time)),
};
const expectedGuestFields = {
  expectedGuestName: optionalText(120),
  expectedGuestEmail: optionalText(254),
  expectedGuestPhone: optionalText(40),
};

export const deskCreateBookingRequest = z.object({
  /** Optional: a readable unique one is generated when left out. */
  bookingRef: z.optional(z.string().check(z.maxLength(64))),
  ...stayFields,
  ...expectedGuestFields,
});
export type DeskCreateBookingRequest = z.input<typeof deskCreateBookingRequest>;

export const deskEditBookingRequest = z.object({ ...stayFields, ...expectedGuestFields });
export type DeskEditBookingRequest = z.input<typeof deskEditBookingRequest>;

export const deskCheckinLinkResponse = z.object({
  bookingRef: z.string(),
  url: z.string(),
  /** Ready to paste into Airbnb / Booking.com messaging or an email. */
  message: z.string(),
});
export type DeskCheckinLinkResponse = z.infer<typeof deskCheckinLinkResponse>;

export const dateOrder = z.enum(["iso", "day-first", "month-first"]);

export const deskImportQuery = z.object({ dateOrder: z._default(dateOrder, "iso") });

export const deskImportResult = z.object({
  /** Problems with the file as a whole (missing columns, too many rows). */
  problems: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  counts: z.object({
    new: z.number().check(z.int()),
    changed: z.number().check(z.int()),
    unchanged: z.number().check(z.int()),
    invalid: z.number().check(z.int()),
  }),
  invalid: z.array(
    z.object({ line: z.number().check(z.int()), bookingRef: z.nullable(z.string()), reason: z.string() }),
  ),
  /** True once the rows are stored; a preview, or a refused commit, stores nothing. */
  committed: z.boolean(),
});
export type DeskImportResult = z.infer<typeof deskImportResult>;

// ---------------------------------------------------------------------------
// Property settings and rooms (managers change them; all staff read them)
// ---------------------------------------------------------------------------

export const deskPropertySettings = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "Enter the property's name"), z.maxLength(100)),
  timeZone: z.string().check(z.trim(), z.minLength(1, "Enter a time zone"), z.maxLength(64)),
  country: z
    .string()
    .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, "Enter a two-letter country code, like GB")),
  phone: z.string().check(z.trim(), z.minLength(1, "Enter the front desk's phone number"), z.maxLength(40)),
  standardCheckInTime: time,
  standardCheckoutTime: time,
});
export type DeskPropertySettings = z.infer<typeof deskPropertySettings>;

export const deskRoom = z.object({
  roomId: z.string(),
  name: z.string(),
  frontDoorLockId: z.string(),
  roomLockId: z.string(),
  retiredAt: z.nullable(z.number()),
  /** Confirmed or checked-in bookings that have not checked out yet. */
  upcomingBookings: z.number().check(z.int()),
});
export type DeskRoom = z.infer<typeof deskRoom>;

export const deskRoomsResponse = z.object({ rooms: z.array(deskRoom) });

export const deskRoomInput = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "Enter the room's name"), z.maxLength(60)),
  frontDoorLockId: z.string().check(z.trim(), z.minLength(1, "Enter the front door's lock id"), z.maxLength(100)),
  roomLockId: z.string().check(z.trim(), z.minLength(1, "Enter the room's lock id"), z.maxLength(100)),
});
export type DeskRoomInput = z.infer<typeof deskRoomInput>;

// ---------------------------------------------------------------------------
// Guest: the check-in link
// ---------------------------------------------------------------------------

/** 32 random-looking bytes, base64url: what follows /checkin/ in a check-in link. */
export const CHECKIN_LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const checkinLinkRequest = z.object({
  token: z.string().check(z.regex(CHECKIN_LINK_TOKEN, "Not a check-in link")),
});
