// Synthetic data for the bench, written straight into libSQL: a property of its own
// (so the demo hotel's board stays untouched) and, per scenario, a fresh batch of
// reservations arriving today, each with its own room lock. Batches never share a
// booking reference, so no guest can collide with one from an earlier scenario.
import { hashPassword } from "../../domain/password";
import type { Database } from "../../db/client";
import { addDays, todayIn } from "../../db/seed";
import { property, reservation, room, staff } from "../../db/schema";

export const BENCH_PROPERTY = "prop-bench";
const TIME_ZONE = "Europe/London";
export const BENCH_STAFF = { email: "bench-desk@frontdoor.test", password: "bench-desk-password" };

export interface BenchReservation {
  bookingRef: string;
  reservationId: string;
  frontDoorLockId: string;
  roomLockId: string;
}

export async function seedBenchProperty(db: Database): Promise<void> {
  await db
    .insert(property)
    .values({
      id: BENCH_PROPERTY,
      name: "Bench Towers",
      timeZone: TIME_ZONE,
      phone: "+441632960999",
      standardCheckInTime: "15:00",
      standardCheckoutTime: "11:00",
    })
    .onConflictDoNothing();
  // A front-desk account of this property, for the dashboards scenario.
  await db
    .insert(staff)
    .values({
      id: "staff-bench-desk",
      email: BENCH_STAFF.email,
      displayName: "Bench Desk",
      role: "staff",
      passwordHash: await hashPassword(BENCH_STAFF.password),
      propertyId: BENCH_PROPERTY,
      createdAt: Date.now(),
    })
    .onConflictDoNothing();
}

let nextNumber = 1;
let nextBatch = 1;
const CHUNK = 200;

/**
 * `count` new reservations BN000001… continuing from the last batch. Each batch gets
 * one front door (every guest of a hotel shares it, as in the demo) and a room lock per
 * reservation. `earlyCheckInTime` "00:00" puts arrival behind us whatever the hour, so
 * the door's arrival check and alerts run during the bench, not after it.
 */
export async function seedBatch(
  db: Database,
  count: number,
  opts: { earlyCheckInTime?: string } = {},
): Promise<BenchReservation[]> {
  const batch = nextBatch++;
  const today = todayIn(TIME_ZONE);
  const frontDoorLockId = `lock-bench-front-${batch}`;
  const made: BenchReservation[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const numbers = Array.from({ length: n }, () => nextNumber++);
    const rooms = numbers.map((k) => ({
      id: `room-bench-${k}`,
      propertyId: BENCH_PROPERTY,
      name: `Room B${k}`,
      frontDoorLockId,
      roomLockId: `lock-bench-room-${k}`,
    }));
    const reservations = numbers.map((k) => ({
      id: `res-bench-${k}`,
      bookingRef: `BN${String(k).padStart(6, "0")}`,
      propertyId: BENCH_PROPERTY,
      roomId: `room-bench-${k}`,
      status: "confirmed" as const,
      expectedGuestName: "Bench Guest",
      expectedGuestSurname: "guest",
      checkInDate: today,
      checkOutDate: addDays(today, 1 + (k % 3)),
      earlyCheckInTime: opts.earlyCheckInTime ?? null,
      lateCheckoutTime: null,
      guestId: null,
    }));
    await db.batch([db.insert(room).values(rooms), db.insert(reservation).values(reservations)]);
    for (const r of reservations) {
      made.push({
        bookingRef: r.bookingRef,
        reservationId: r.id,
        frontDoorLockId,
        roomLockId: `lock-bench-room-${r.id.slice("res-bench-".length)}`,
      });
    }
  }
  return made;
}

/** A hotel has one front door for a few hundred rooms at most; a long run gets a new door every `perDoor` guests. */
export async function seedBatches(db: Database, count: number, perDoor = 500): Promise<BenchReservation[]> {
  const made: BenchReservation[] = [];
  for (let left = count; left > 0; left -= perDoor) made.push(...(await seedBatch(db, Math.min(perDoor, left))));
  return made;
}
