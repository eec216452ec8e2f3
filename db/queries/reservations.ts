// Reads behind the guest's step 1 and the stay page.
import { and, eq } from "drizzle-orm";
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

export async function findLiveGuestByRef(db: Database, bookingRef: string) {
  const rows = await db
    .select({ id: guest.id, phoneE164: guest.phoneE164, secureToken: guest.secureToken })
    .from(guest)
    .where(and(eq(guest.bookingRef, bookingRef), eq(guest.archived, false)))
    .limit(1);
  return rows[0] ?? null;
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
