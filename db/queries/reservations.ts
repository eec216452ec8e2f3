// Reads and writes behind the guest's step 1 and the stay page.
import { and, eq, isNull, sql } from "drizzle-orm";
import { PROOF_FAILURE_WINDOW_MS } from "../../domain/booking-proof";
import type { Database } from "../client";
import { guest, property, reservation, room } from "../schema";

export async function findReservationByRef(db: Database, bookingRef: string) {
  const rows = await db
    .select({
      reservation,
      room,
      property,
      liveGuestId: guest.id,
    })
    .from(reservation)
    .innerJoin(room, eq(room.id, reservation.roomId))
    .innerJoin(property, eq(property.id, reservation.propertyId))
    .leftJoin(guest, and(eq(guest.reservationId, reservation.id), eq(guest.archived, false)))
    .where(eq(reservation.bookingRef, bookingRef))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Counts a wrong second fact against the booking, if `bookingRef` names one. Run for an
 * unknown reference too (it then matches no row), so both answers cost the same statement.
 */
export async function recordProofFailure(db: Database, bookingRef: string, now: number): Promise<void> {
  await db
    .update(reservation)
    .set({
      proofFailures: sql`case when ${reservation.proofFailedAt} > ${now - PROOF_FAILURE_WINDOW_MS}
        then ${reservation.proofFailures} + 1 else 1 end`,
      proofFailedAt: now,
    })
    .where(eq(reservation.bookingRef, bookingRef));
}

/**
 * Makes `next` the booking's live session if it still is `expected` (null: none). Two
 * lookups racing from the same `expected` both try; exactly one row update succeeds.
 */
export async function claimLiveSession(
  db: Database,
  reservationId: string,
  expected: string | null,
  next: string,
): Promise<boolean> {
  const rows = await db
    .update(reservation)
    .set({ liveSessionId: next })
    .where(
      and(
        eq(reservation.id, reservationId),
        expected === null ? isNull(reservation.liveSessionId) : eq(reservation.liveSessionId, expected),
      ),
    )
    .returning({ id: reservation.id });
  return rows.length === 1;
}

export async function liveSessionOf(db: Database, reservationId: string): Promise<string | null> {
  const rows = await db
    .select({ liveSessionId: reservation.liveSessionId })
    .from(reservation)
    .where(eq(reservation.id, reservationId));
  return rows[0]?.liveSessionId ?? null;
}

export async function findStayByToken(db: Database, token: string) {
  const rows = await db
    .select({ guest, room, property, reservation })
    .from(guest)
    .innerJoin(reservation, eq(reservation.id, guest.reservationId))
    .innerJoin(room, eq(room.id, guest.roomId))
    .innerJoin(property, eq(property.id, reservation.propertyId))
    .where(and(eq(guest.secureToken, token), eq(guest.archived, false)))
    .limit(1);
  return rows[0] ?? null;
}
