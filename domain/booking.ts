// Rules for a property's reservations as staff manage them: what a stay must look like,
// which status changes are allowed, readable references, and the desk's date presets.
import { addDays, isIsoDate } from "./date-range";

export const RESERVATION_STATUSES = ["confirmed", "checked_in", "cancelled", "no_show"] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Long enough for a season's let; bounds the list queries' look-back for stays in progress. */
export const MAX_NIGHTS = 90;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface StayInput {
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
}

/** What staff set on a booking, by hand or by CSV: its room, its stay and who is expected. */
export interface BookingDetails extends StayInput {
  roomId: string;
  expectedGuestName: string | null;
  expectedGuestSurname: string | null;
  expectedGuestEmail: string | null;
  expectedGuestPhone: string | null;
}

/** Per-field reasons a stay cannot be stored, in words staff can act on; empty when it is fine. */
export function stayProblems(stay: StayInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isIsoDate(stay.checkInDate)) problems.checkInDate = "Enter a real check-in date";
  if (!isIsoDate(stay.checkOutDate)) problems.checkOutDate = "Enter a real checkout date";
  if (!problems.checkInDate && !problems.checkOutDate) {
    if (stay.checkOutDate <= stay.checkInDate) problems.checkOutDate = "Checkout must be after check-in";
    else if (stay.checkOutDate > addDays(stay.checkInDate, MAX_NIGHTS)) {
      problems.checkOutDate = `A stay can be at most ${MAX_NIGHTS} nights`;
    }
  }
  if (stay.earlyCheckInTime !== null && !TIME.test(stay.earlyCheckInTime)) {
    problems.earlyCheckInTime = "Enter a time like 12:00";
  }
  if (stay.lateCheckoutTime !== null && !TIME.test(stay.lateCheckoutTime)) {
    problems.lateCheckoutTime = "Enter a time like 13:00";
  }
  return problems;
}

/** "9:30" and "09:30" both mean half past nine; anything else is returned as typed for the check to refuse. */
export function normaliseTime(raw: string): string {
  const t = raw.trim();
  return /^\d:[0-5]\d$/.test(t) ? `0${t}` : t;
}

export type StatusChange = "cancel" | "no-show" | "edit";

/** Why staff may not make `change` to a booking in `status`, or null when they may. */
export function statusChangeRefusal(
  change: StatusChange,
  status: ReservationStatus,
  checkInDate: string,
  today: string,
) {
  if (status === "cancelled") return "This booking is cancelled.";
  if (status === "no_show") return "This booking is marked as a no-show.";
  if (change === "no-show") {
    if (status === "checked_in") return "The guest has checked in, so this booking can't be a no-show.";
    if (checkInDate > today) return "A booking can only be marked as a no-show from its check-in date.";
  }
  return null;
}

/** Whether `next` moves the stay (room, dates or times) away from `current`. */
export function stayMoved(
  current: BookingDetails | (StayInput & { roomId: string }),
  next: StayInput & { roomId: string },
) {
  return (
    next.roomId !== current.roomId ||
    next.checkInDate !== current.checkInDate ||
    next.checkOutDate !== current.checkOutDate ||
    next.earlyCheckInTime !== current.earlyCheckInTime ||
    next.lateCheckoutTime !== current.lateCheckoutTime
  );
}

/** The search key for an expected guest: the name's last word, lower-cased. */
export function surnameKey(name: string | null | undefined): string | null {
  const words = name?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return words.length ? words[words.length - 1]! : null;
}

// No 0/O, 1/I/L: a reference is read out on the phone and typed from a screenshot.
const REF_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** "FD" and six characters from an unambiguous alphabet: about 887 million references. */
export function generateBookingRef(random: Uint8Array): string {
  if (random.length < 6) throw new Error("generateBookingRef needs 6 random bytes");
  let ref = "FD";
  for (let i = 0; i < 6; i++) ref += REF_ALPHABET[random[i]! % REF_ALPHABET.length];
  return ref;
}

export const DATE_PRESETS = ["today", "tomorrow", "next-14-days", "past-7-days"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** Arrival dates, both ends included, that each preset covers as the property sees today. */
export function presetRange(preset: DatePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "tomorrow":
      return { from: addDays(today, 1), to: addDays(today, 1) };
    case "next-14-days":
      return { from: today, to: addDays(today, 14) };
    case "past-7-days":
      return { from: addDays(today, -7), to: addDays(today, -1) };
  }
}

/** A check-in link works until the end of the checkout day, in the property's time zone. */
export function checkinLinkUsable(status: ReservationStatus, checkOutDate: string, today: string): boolean {
  return (status === "confirmed" || status === "checked_in") && today <= checkOutDate;
}
