// Wire schemas of a manager's export and erasure of one booking's guest data (desk Bookings
// page). The export carries the database rows as they are, so its rows stay open records.
import { z } from "zod/mini";

const row = z.record(z.string(), z.unknown());

export const guestDataExport = z.object({
  exportedAt: z.string(),
  bookingRef: z.string(),
  booking: row,
  guests: z.array(row),
  messages: z.array(row),
  checkinSessions: z.array(row),
  audit: z.array(row),
});
export type GuestDataExport = z.infer<typeof guestDataExport>;

export const guestDataEraseResponse = z.object({
  bookingRef: z.string(),
  erasedAt: z.number(),
  /** Check-in rooms that could not be emptied yet (their door codes are still being removed); they retry. */
  roomsPending: z.number(),
});
export type GuestDataEraseResponse = z.infer<typeof guestDataEraseResponse>;
