// Writes a check-in session makes: its funnel row, and the one atomic write that
// turns a session into a guest.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { checkinAnalytics, guest, reservation } from "../schema";
import { recordCheckinCompleted } from "./webhooks";

/** Every column of the funnel row: a session always writes all of it. */
export type FunnelRow = typeof checkinAnalytics.$inferSelect;

/**
 * Writes the session's funnel row as the room last knew it. Rows only move forward
 * (a higher step, completed once), so writes arriving late or twice change nothing.
 */
export async function syncFunnelRow(db: Database, row: FunnelRow) {
  await db
    .insert(checkinAnalytics)
    .values(row)
    .onConflictDoUpdate({
      target: checkinAnalytics.sessionId,
      set: {
        stepReached: sql`max(${checkinAnalytics.stepReached}, excluded.step_reached)`,
        completed: sql`${checkinAnalytics.completed} or excluded.completed`,
        completedAt: sql`coalesce(${checkinAnalytics.completedAt}, excluded.completed_at)`,
        // The guest may switch language mid-way: the latest choice is the one they finished in.
        language: sql`coalesce(excluded.language, ${checkinAnalytics.language})`,
      },
    });
}

export interface NewGuest {
  id: string;
  sessionId: string;
  reservationId: string;
  bookingRef: string;
  fullName: string;
  phoneE164: string;
  email: string | null;
  checkInDate: string;
  checkOutDate: string;
  roomId: string;
  carRegistration: string | null;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
  /** Null when every lock of the stay is manual: the session's code opens nothing. */
  frontDoorPin: string | null;
  frontDoorPinId: string | null;
  roomPinId: string | null;
  secureToken: string;
  createdAt: number;
  /** What the funnel row needs should the session's own sync not have written it yet. */
  funnel: Pick<FunnelRow, "propertyId" | "deviceType" | "startedAt"> & { language?: string | null };
}

export interface CheckinOutcome {
  /** The live guest of the reservation after the write: ours, or one another session made first. */
  sessionId: string | null;
  secureToken: string;
}

/**
 * Creates the guest and links the reservation in one transaction. The partial unique
 * index on guest(reservation_id) makes a second insert a no-op, so a retried or
 * concurrent confirm can never produce two guests; the caller compares the returned
 * session with its own to know whether it won.
 */
export async function completeCheckin(db: Database, g: NewGuest): Promise<CheckinOutcome> {
  const liveGuest = and(eq(guest.reservationId, g.reservationId), eq(guest.archived, false));
  const [, , , , winner] = await db.batch([
    db
      .insert(guest)
      .values({
        id: g.id,
        fullName: g.fullName,
        phoneE164: g.phoneE164,
        email: g.email,
        reservationId: g.reservationId,
        bookingRef: g.bookingRef,
        checkInDate: g.checkInDate,
        checkOutDate: g.checkOutDate,
        roomId: g.roomId,
        carRegistration: g.carRegistration,
        earlyCheckInTime: g.earlyCheckInTime,
        lateCheckoutTime: g.lateCheckoutTime,
        frontDoorPin: g.frontDoorPin,
        frontDoorPinId: g.frontDoorPinId,
        roomPinId: g.roomPinId,
        secureToken: g.secureToken,
        checkinSessionId: g.sessionId,
        archived: false,
        createdAt: g.createdAt,
      })
      .onConflictDoNothing(),
    db
      .update(reservation)
      .set({
        status: "checked_in",
        guestId: sql`(select ${guest.id} from ${guest} where ${guest.reservationId} = ${g.reservationId} and ${guest.archived} = 0)`,
      })
      .where(eq(reservation.id, g.reservationId)),
    // Only if this session's guest is the one that exists; an insert when the session's
    // own (background) funnel sync has not got there yet, so completion never waits on it.
    db
      .insert(checkinAnalytics)
      .select(
        sql`select ${g.sessionId}, ${g.bookingRef}, ${g.funnel.propertyId}, 4, 1, ${g.funnel.deviceType},
                   ${g.funnel.startedAt}, ${g.createdAt},
                   ${g.funnel.language ?? null}
            where exists (select 1 from ${guest} where ${guest.checkinSessionId} = ${g.sessionId})`,
      )
      .onConflictDoUpdate({
        target: checkinAnalytics.sessionId,
        set: {
          stepReached: 4,
          completed: true,
          completedAt: sql`coalesce(${checkinAnalytics.completedAt}, excluded.completed_at)`,
          language: sql`coalesce(excluded.language, ${checkinAnalytics.language})`,
        },
      }),
    // Webhooks: the checkin.completed event is stored with the check-in itself, once per guest.
    recordCheckinCompleted(db, g.reservationId, g.sessionId, g.createdAt),
    db
      .select({ sessionId: guest.checkinSessionId, secureToken: guest.secureToken })
      .from(guest)
      .where(liveGuest)
      .limit(1),
  ]);
  const row = winner[0];
  if (!row) throw new Error("Guest write left no live guest for the reservation");
  return row;
}
