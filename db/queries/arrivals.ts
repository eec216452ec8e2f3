// Today's arrivals for the desk: every reservation checking in on the property's
// local date, with whether the guest has checked in, is part-way, or has not started.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { DeskArrival } from "../../shared/protocol/desk-http";
import type { Database } from "../client";
import { checkinAnalytics, guest, reservation, room } from "../schema";

export interface ArrivalsQuery {
  propertyId: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Sessions started before this cannot still be live (they have expired). */
  liveSinceMs: number;
}

export async function arrivalsFor(db: Database, q: ArrivalsQuery): Promise<DeskArrival[]> {
  const a = checkinAnalytics;
  // Newest unfinished session for the booking still young enough to be live. Narrowed
  // by property and start time first, so it reads a few recent index entries.
  const liveSession = sql<string | null>`(
    select ${a.sessionId} from ${a}
    where ${a.propertyId} = ${q.propertyId} and ${a.startedAt} >= ${q.liveSinceMs}
      and ${a.bookingRef} = ${reservation.bookingRef} and ${a.completed} = 0
    order by ${a.startedAt} desc limit 1)`;
  const rows = await db
    .select({
      reservationId: reservation.id,
      bookingRef: reservation.bookingRef,
      roomName: room.name,
      reservationStatus: reservation.status,
      checkOutDate: reservation.checkOutDate,
      earlyCheckInTime: reservation.earlyCheckInTime,
      lateCheckoutTime: reservation.lateCheckoutTime,
      guestName: guest.fullName,
      guestSessionId: guest.checkinSessionId,
      checkedInAt: guest.createdAt,
      liveSessionId: liveSession,
    })
    .from(reservation)
    .innerJoin(room, eq(room.id, reservation.roomId))
    .leftJoin(guest, and(eq(guest.reservationId, reservation.id), eq(guest.archived, false)))
    .where(
      and(
        eq(reservation.propertyId, q.propertyId),
        eq(reservation.checkInDate, q.date),
        ne(reservation.status, "cancelled"),
      ),
    )
    .orderBy(asc(reservation.bookingRef));
  return rows.map((r) => {
    const checkedIn = r.guestName !== null || r.reservationStatus === "checked_in";
    return {
      reservationId: r.reservationId,
      bookingRef: r.bookingRef,
      roomName: r.roomName,
      status: checkedIn ? "checked-in" : r.liveSessionId ? "in-progress" : "not-started",
      guestName: r.guestName,
      checkOutDate: r.checkOutDate,
      earlyCheckInTime: r.earlyCheckInTime,
      lateCheckoutTime: r.lateCheckoutTime,
      sessionId: checkedIn ? r.guestSessionId : r.liveSessionId,
      checkedInAt: r.checkedInAt,
    };
  });
}
