// What the desk may learn about one check-in session before acting on it. The
// session's analytics row (written when the session starts) says which property and
// booking it belongs to, so staff of one hotel cannot reach another hotel's guests.
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { checkinAnalytics, guest, reservation } from "../schema";

export async function findDeskSession(db: Database, sessionId: string) {
  const rows = await db
    .select({
      sessionId: checkinAnalytics.sessionId,
      bookingRef: checkinAnalytics.bookingRef,
      propertyId: checkinAnalytics.propertyId,
    })
    .from(checkinAnalytics)
    .where(eq(checkinAnalytics.sessionId, sessionId))
    .limit(1);
  return rows[0] ?? null;
}

/** The front-door PIN of the booking's live guest; null until a check-in has completed. */
export async function findFrontDoorPin(db: Database, bookingRef: string): Promise<string | null> {
  const rows = await db
    .select({ pin: guest.frontDoorPin })
    .from(reservation)
    .innerJoin(guest, and(eq(guest.reservationId, reservation.id), eq(guest.archived, false)))
    .where(eq(reservation.bookingRef, bookingRef))
    .limit(1);
  return rows[0]?.pin ?? null;
}
