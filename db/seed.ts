// Demo data so a fresh `npm start` has something to check in to. Runs only on an
// empty database: a restart must never duplicate rows or undo a guest's check-in.
import { eq } from "drizzle-orm";
import { surnameKey } from "../domain/booking";
import { hashPassword } from "../domain/password";
import type { Database } from "./client";
import { guest, property, reservation, room, staff } from "./schema";

export const DEMO_PROPERTY_ID = "prop-harbour";
export const DEMO_TIME_ZONE = "Europe/London";
const ROOM_COUNT = 21;

/** Reservations arriving today and not yet checked in. */
export const DEMO_BOOKING_REFS: readonly string[] = Array.from({ length: 20 }, (_, i) => `FD${1001 + i}`);
/** Already checked in (Ada Lovelace). */
export const DEMO_CHECKED_IN_REF = "FD2001";
export const DEMO_CHECKED_IN_PHONE = "+447700900001";
export const DEMO_CHECKED_IN_PIN = "482913";

/** Today's date as the property sees it, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

const roomNumber = (i: number) => 101 + i;

// Spread the special cases so every variant is easy to find in the demo.
/** Who each demo booking expects, as a booking channel would send it. */
const EXPECTED_GUESTS: readonly string[] = [
  "Grace Hopper",
  "Alan Turing",
  "Katherine Johnson",
  "Tim Berners-Lee",
  "Margaret Hamilton",
  "Edsger Dijkstra",
  "Barbara Liskov",
  "Donald Knuth",
  "Frances Allen",
  "Claude Shannon",
  "Hedy Lamarr",
  "John von Neumann",
  "Radia Perlman",
  "Ken Thompson",
  "Dorothy Vaughan",
  "Dennis Ritchie",
  "Mary Jackson",
  "Niklaus Wirth",
  "Sophie Wilson",
  "Tony Hoare",
];
const DEMO_CHECKED_IN_NAME = "Ada Lovelace";

/** The surname a demo booking was made under: what a guest types beside its reference. */
export function demoSurname(bookingRef: string): string | null {
  const ref = bookingRef.replace(/\s+/g, "").toUpperCase();
  const name = ref === DEMO_CHECKED_IN_REF ? DEMO_CHECKED_IN_NAME : EXPECTED_GUESTS[DEMO_BOOKING_REFS.indexOf(ref)];
  return name ? name.split(" ").at(-1)! : null;
}

const EARLY_CHECK_IN: Record<string, string> = { FD1003: "12:00", FD1007: "13:00", FD1012: "12:00", FD1016: "14:00" };
const LATE_CHECKOUT: Record<string, string> = { FD1004: "13:00", FD1007: "14:00", FD1015: "13:00" };

function expected(name: string, now: number) {
  return {
    expectedGuestName: name,
    expectedGuestSurname: surnameKey(name),
    source: "demo" as const,
    createdAt: now,
    updatedAt: now,
  };
}

export async function seedDemoData(db: Database, opts: { today?: string } = {}): Promise<{ seeded: boolean }> {
  const existing = await db.select({ id: property.id }).from(property).limit(1);
  if (existing.length > 0) return { seeded: false };

  const today = opts.today ?? todayIn(DEMO_TIME_ZONE);
  const now = Date.now();
  const rooms = Array.from({ length: ROOM_COUNT }, (_, i) => ({
    id: `room-${roomNumber(i)}`,
    propertyId: DEMO_PROPERTY_ID,
    name: `Room ${roomNumber(i)}`,
    frontDoorLockId: "lock-front-harbour",
    roomLockId: `lock-room-${roomNumber(i)}`,
  }));
  const arrivals = DEMO_BOOKING_REFS.map((ref, i) => ({
    id: `res-${ref}`,
    bookingRef: ref,
    propertyId: DEMO_PROPERTY_ID,
    roomId: rooms[i]!.id,
    status: "confirmed" as const,
    checkInDate: today,
    checkOutDate: addDays(today, 1 + (i % 3)),
    earlyCheckInTime: EARLY_CHECK_IN[ref] ?? null,
    lateCheckoutTime: LATE_CHECKOUT[ref] ?? null,
    guestId: null,
    ...expected(EXPECTED_GUESTS[i]!, now),
  }));
  const checkedIn = {
    id: `res-${DEMO_CHECKED_IN_REF}`,
    bookingRef: DEMO_CHECKED_IN_REF,
    propertyId: DEMO_PROPERTY_ID,
    roomId: rooms[ROOM_COUNT - 1]!.id,
    status: "checked_in" as const,
    checkInDate: today,
    checkOutDate: addDays(today, 2),
    earlyCheckInTime: null,
    lateCheckoutTime: null,
    guestId: `guest-${DEMO_CHECKED_IN_REF}`,
    ...expected(DEMO_CHECKED_IN_NAME, now),
  };

  // One batch, one transaction: a crash half-way leaves an empty database that seeds again.
  await db.batch([
    db.insert(property).values({
      id: DEMO_PROPERTY_ID,
      name: "Harbour House",
      timeZone: DEMO_TIME_ZONE,
      phone: "+441632960000",
      country: "GB",
      standardCheckInTime: "15:00",
      standardCheckoutTime: "11:00",
    }),
    db.insert(room).values(rooms),
    db.insert(reservation).values([...arrivals, checkedIn]),
    db.insert(guest).values({
      id: checkedIn.guestId,
      fullName: DEMO_CHECKED_IN_NAME,
      phoneE164: DEMO_CHECKED_IN_PHONE,
      email: "ada@example.com",
      reservationId: checkedIn.id,
      bookingRef: checkedIn.bookingRef,
      checkInDate: checkedIn.checkInDate,
      checkOutDate: checkedIn.checkOutDate,
      roomId: checkedIn.roomId,
      carRegistration: null,
      earlyCheckInTime: null,
      lateCheckoutTime: null,
      frontDoorPin: DEMO_CHECKED_IN_PIN,
      frontDoorPinId: `pin-front-${DEMO_CHECKED_IN_REF}`,
      roomPinId: `pin-room-${DEMO_CHECKED_IN_REF}`,
      secureToken: randomToken(),
      checkinSessionId: null,
      createdAt: Date.now(),
    }),
  ]);
  return { seeded: true };
}

/**
 * The first manager, so a fresh install can sign in to the desk. Created only while
 * no manager exists: a later ADMIN_PASSWORD change never overwrites a password someone
 * has since changed. Emails are stored lower-cased.
 */
export async function ensureAdmin(db: Database, email: string, password: string): Promise<{ created: boolean }> {
  const managers = await db.select({ id: staff.id }).from(staff).where(eq(staff.role, "manager")).limit(1);
  if (managers.length > 0) return { created: false };
  // A single-property install scopes the manager to it.
  const [firstProperty] = await db.select({ id: property.id }).from(property).limit(1);
  await db.insert(staff).values({
    id: `staff-${crypto.randomUUID()}`,
    email: email.trim().toLowerCase(),
    displayName: "Admin",
    role: "manager",
    passwordHash: await hashPassword(password),
    propertyId: firstProperty?.id ?? null,
    createdAt: Date.now(),
  });
  return { created: true };
}
