// Wire schemas for a room's calendar feeds on the desk's Property page. Shared by the
// Hono routes (party/http/desk/calendar-routes.ts) and the desk client; zod/mini.
import { z } from "zod/mini";

export const deskCalendarFeed = z.object({
  feedId: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  /** The export's host ("www.airbnb.com"), for everyone; the full address is a secret for managers. */
  host: z.string(),
  /** Managers only: the address carries the platform's token. */
  url: z.nullable(z.string()),
  lastAttemptAt: z.nullable(z.number()),
  lastSuccessAt: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  lastNote: z.nullable(z.string()),
  /** Confirmed and checked-in bookings from this feed that have not ended. */
  bookings: z.number(),
});
export type DeskCalendarFeed = z.infer<typeof deskCalendarFeed>;

export const deskCalendarsResponse = z.object({
  feeds: z.array(deskCalendarFeed),
  /** Minutes between polls, for the page's "synced every" line. */
  pollMinutes: z.number(),
});
export type DeskCalendarsResponse = z.infer<typeof deskCalendarsResponse>;

export const deskAddCalendarRequest = z.object({
  roomId: z.string().check(z.minLength(1), z.maxLength(100)),
  url: z.string().check(z.trim(), z.minLength(1, "Enter the calendar's export address"), z.maxLength(2048)),
});
export type DeskAddCalendarRequest = z.infer<typeof deskAddCalendarRequest>;

export const deskFeedIdOnly = z.object({ feedId: z.string() });
