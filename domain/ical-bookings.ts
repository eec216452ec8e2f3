// A room's calendar events as bookings, and what one sync changes. Pure: the `ical` job
// (party/jobs/ical.ts) fetches, reads the bookings the feed already holds, and commits
// the plan through the CSV import's own upsert (db/queries/bookings.ts).
//
// References: Airbnb puts the guest's confirmation code (HM + 8 letters or digits) in the
// event's description, and that code is what the guest types, so it is the reference.
// Other platforms give only a UID, often longer than a reference may be and meaningless to
// a guest, so the reference is "IC" and 14 characters of a hash of the property and the UID:
// stable across polls, within the reference pattern, and never mistaken for another feed's.
import { planImport, type ExistingBooking, type ImportedBooking } from "./booking-csv";
import { stayProblems, surnameKey } from "./booking";
import type { IcalEvent } from "./ical-events";

const AIRBNB_CODE = /\b(HM[A-Z0-9]{8})\b/;
const REF_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export type EventKind = "booking" | "block" | "cancelled" | "invalid";

/**
 * Which events are reservations. Airbnb writes "Reserved" for a booking and "Airbnb (Not
 * available)" for dates the host or a rule closed; Vrbo writes "Reserved - <name>" and
 * "Blocked". Booking.com writes "CLOSED - Not available" for every booked night and cannot
 * tell a reservation from dates closed by hand, so those are taken as bookings: one nobody
 * checks into costs nothing, a missing one leaves a guest without a link.
 */
export function eventKind(event: IcalEvent): EventKind {
  if (event.cancelled) return "cancelled";
  if (!event.uid || !event.start || !event.end) return "invalid";
  const summary = event.summary.trim().toLowerCase();
  if (summary.startsWith("closed - not available") || summary.startsWith("reserved")) return "booking";
  if (/not available|unavailable|blocked|^block\b|owner/.test(summary)) return "block";
  return "booking";
}

/** The guest's confirmation code where the feed carries one, else a stable reference from the UID. */
export function icalReference(event: Pick<IcalEvent, "uid" | "description">, propertyId: string): string {
  const code = AIRBNB_CODE.exec(event.description.toUpperCase());
  if (code) return code[1]!;
  return `IC${hashToRef(`${propertyId}\n${event.uid ?? ""}`, 14)}`;
}

/** Two FNV-1a 64-bit hashes with different offsets: enough bits for 14 characters from 31. */
function hashToRef(text: string, length: number): string {
  const bytes = new TextEncoder().encode(text);
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  let a = 0xcbf29ce484222325n;
  let b = 0x84222325cbf29ce4n;
  for (const byte of bytes) {
    a = ((a ^ BigInt(byte)) * prime) & mask;
    b = ((b ^ BigInt(byte ^ 0x5c)) * prime) & mask;
  }
  let n = (a << 64n) | b;
  let out = "";
  for (let i = 0; i < length; i++) {
    out += REF_ALPHABET[Number(n % 31n)];
    n /= 31n;
  }
  return out;
}

export interface FeedBookings {
  rows: ImportedBooking[];
  blocked: number;
  /** Events without a UID or readable dates, or with a stay the desk would refuse. */
  invalid: number;
}

/**
 * The feed's reservations for `roomId`. Stays that ended before `today` are history the
 * platform will drop anyway and are not imported; a reference twice in one feed keeps the first.
 */
export function feedBookings(events: readonly IcalEvent[], roomId: string, propertyId: string, today: string) {
  const out: FeedBookings = { rows: [], blocked: 0, invalid: 0 };
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const kind = eventKind(event);
    if (kind === "block") out.blocked++;
    if (kind === "invalid") out.invalid++;
    if (kind !== "booking") return;
    const stay = {
      checkInDate: event.start!,
      checkOutDate: event.end!,
      earlyCheckInTime: null,
      lateCheckoutTime: null,
    };
    if (Object.keys(stayProblems(stay)).length > 0) {
      out.invalid++;
      return;
    }
    if (stay.checkOutDate < today) return;
    const bookingRef = icalReference(event, propertyId);
    if (seen.has(bookingRef)) return;
    seen.add(bookingRef);
    out.rows.push({
      ...stay,
      line: index + 1,
      bookingRef,
      roomId,
      status: "confirmed",
      expectedGuestName: null,
      expectedGuestSurname: null,
      expectedGuestEmail: null,
      expectedGuestPhone: null,
    });
  });
  return out;
}

/** A booking the property holds under a reference the feed mentions, with where it came from. */
export interface ExistingForFeed extends ExistingBooking {
  source: string;
}

/** A booking this feed made earlier that is still to come. */
export interface FeedHeldBooking {
  bookingRef: string;
  checkInDate: string;
  status: string;
  checkedIn: boolean;
}

export interface FeedSyncPlan {
  create: ImportedBooking[];
  update: ImportedBooking[];
  unchanged: number;
  /** References of this feed's bookings whose event is gone before arrival. */
  cancel: string[];
  /** References the feed mentions that belong to a booking made elsewhere (desk, CSV, API, another property). */
  leftAlone: number;
  /** Checked-in bookings the feed moved or dropped: their door codes follow only a change made on the desk. */
  checkedInKept: number;
}

/**
 * What one sync writes. New and moved events go through the CSV import's planner, so a
 * checked-in booking follows the same rule as an export; an event gone before arrival
 * cancels this feed's booking unless the guest has checked in. Never touches a booking
 * another source made.
 */
export function planFeedSync(
  rows: readonly ImportedBooking[],
  existing: ReadonlyMap<string, ExistingForFeed>,
  held: readonly FeedHeldBooking[],
  today: string,
): FeedSyncPlan {
  const ours = new Map<string, ExistingBooking>();
  const mine: ImportedBooking[] = [];
  let leftAlone = 0;
  for (const row of rows) {
    const old = existing.get(row.bookingRef);
    if (old && (old.source !== "ical" || !old.propertyMatches)) {
      leftAlone++;
      continue;
    }
    if (!old) {
      mine.push(row);
      continue;
    }
    ours.set(row.bookingRef, old);
    // A feed carries only dates: what staff added on the desk (times, who is expected) stays.
    mine.push({
      ...row,
      earlyCheckInTime: old.earlyCheckInTime,
      lateCheckoutTime: old.lateCheckoutTime,
      expectedGuestName: old.expectedGuestName,
      expectedGuestSurname: surnameKey(old.expectedGuestName),
      expectedGuestEmail: old.expectedGuestEmail,
      expectedGuestPhone: old.expectedGuestPhone,
    });
  }
  const plan = planImport({ problems: [], ignoredColumns: [], rows: mine, invalid: [] }, ours);
  // A checked-in booking's codes follow a change only when staff make it (the desk or an
  // export they upload): a calendar that moves one is noted, not applied.
  const followed = new Set(plan.follow.map((f) => f.row.bookingRef));
  const update = plan.update.filter((r) => !followed.has(r.bookingRef));
  const present = new Set(rows.map((r) => r.bookingRef));
  const cancel: string[] = [];
  let checkedInKept = plan.invalid.length + followed.size;
  for (const booking of held) {
    if (present.has(booking.bookingRef) || booking.checkInDate < today) continue;
    if (booking.status !== "confirmed" && booking.status !== "checked_in") continue;
    if (booking.checkedIn || booking.status === "checked_in") checkedInKept++;
    else cancel.push(booking.bookingRef);
  }
  return { create: plan.create, update, unchanged: plan.unchanged, cancel, leftAlone, checkedInKept };
}

/** What the desk shows beside a good sync: what was set aside, or null when nothing was. */
export function syncNote(feed: FeedBookings, plan: FeedSyncPlan): string | null {
  const parts: string[] = [];
  if (feed.blocked)
    parts.push(`${feed.blocked} blocked ${feed.blocked === 1 ? "stretch" : "stretches"} (not bookings)`);
  if (feed.invalid) parts.push(`${feed.invalid} unreadable ${feed.invalid === 1 ? "event" : "events"} skipped`);
  if (plan.leftAlone) {
    parts.push(
      `${plan.leftAlone} ${plan.leftAlone === 1 ? "reference belongs" : "references belong"} to a booking made elsewhere`,
    );
  }
  if (plan.checkedInKept) {
    parts.push(
      `${plan.checkedInKept} checked-in ${plan.checkedInKept === 1 ? "booking" : "bookings"} not changed: change it on the Bookings page`,
    );
  }
  return parts.length ? `${parts.join("; ")}.` : null;
}
