// When each guest message is due. Pure: the job asks with the booking as stored and
// the time now, and inserts a row only for what is due, so a booking edited, cancelled
// or checked in meanwhile is judged afresh at every run instead of by a stale plan.
import type { Channel, GuestMessageKind } from "./kinds";
import { addDays, localDate, localHour, zonedTimeToEpoch } from "./local-time";

export const INVITATION_DAYS_BEFORE = 3;
export const INVITATION_LOCAL_TIME = "10:00";
export const REMINDER_BEFORE_MS = 24 * 3_600_000;
/** A reminder this soon after the invitation would only repeat it (a booking made late). */
export const REMINDER_MIN_GAP_MS = 12 * 3_600_000;
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL = "08:00";

export interface BookingForMessages {
  status: "confirmed" | "checked_in" | "cancelled" | "no_show";
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  createdAt: number;
  /** The live guest, once the check-in is complete. */
  guest: { createdAt: number; codesConfirmedAt: number | null } | null;
}

export interface PropertyClock {
  timeZone: string;
  standardCheckInTime: string;
}

export interface DueKind {
  kind: GuestMessageKind;
  /** Before quiet hours: when the message would ideally go. */
  at: number;
}

/** The instant the guest may first open the door. */
export function arrivalAt(b: BookingForMessages, p: PropertyClock): number {
  return zonedTimeToEpoch(b.checkInDate, b.earlyCheckInTime ?? p.standardCheckInTime, p.timeZone);
}

export function invitationAt(b: BookingForMessages, p: PropertyClock): number {
  const planned = zonedTimeToEpoch(addDays(b.checkInDate, -INVITATION_DAYS_BEFORE), INVITATION_LOCAL_TIME, p.timeZone);
  return Math.max(planned, b.createdAt);
}

export function reminderAt(b: BookingForMessages, p: PropertyClock): number | null {
  const at = arrivalAt(b, p) - REMINDER_BEFORE_MS;
  return at - invitationAt(b, p) >= REMINDER_MIN_GAP_MS ? at : null;
}

/**
 * Every message the booking calls for, with its ideal time, whether due yet or not.
 * Invitations and reminders stop once the guest has checked in or the arrival day is
 * over; nothing goes to a cancelled or no-show booking.
 */
export function messagesFor(b: BookingForMessages, p: PropertyClock, now: number): DueKind[] {
  if (b.status === "cancelled" || b.status === "no_show") return [];
  const today = localDate(now, p.timeZone);
  if (today > b.checkOutDate) return [];
  const out: DueKind[] = [];
  if (!b.guest) {
    if (today > b.checkInDate || b.status !== "confirmed") return [];
    out.push({ kind: "invitation", at: invitationAt(b, p) });
    const reminder = reminderAt(b, p);
    if (reminder !== null) out.push({ kind: "reminder", at: reminder });
    return out;
  }
  out.push({ kind: "door-code", at: b.guest.createdAt });
  const confirmed = b.guest.codesConfirmedAt;
  if (confirmed !== null && today === b.checkInDate && localDate(confirmed, p.timeZone) <= b.checkInDate) {
    out.push({ kind: "code-confirmed", at: confirmed });
  }
  return out;
}

/**
 * No SMS between 21:00 and 08:00 on the property's clock: it waits for 08:00. The door
 * code on the arrival day is exempt, since the guest may be standing at the door.
 */
export function afterQuietHours(
  kind: GuestMessageKind | "test",
  channel: Channel,
  at: number,
  b: Pick<BookingForMessages, "checkInDate"> | null,
  timeZone: string,
): number {
  if (channel !== "sms" || kind === "test") return at;
  const day = localDate(at, timeZone);
  if (kind === "door-code" && b && day === b.checkInDate) return at;
  const hour = localHour(at, timeZone);
  if (hour >= QUIET_FROM_HOUR) return zonedTimeToEpoch(addDays(day, 1), QUIET_UNTIL, timeZone);
  if (hour < Number(QUIET_UNTIL.slice(0, 2))) return zonedTimeToEpoch(day, QUIET_UNTIL, timeZone);
  return at;
}
