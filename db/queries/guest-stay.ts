// The guest row of a checked-in booking that changed afterwards: the check-in room that
// owns the door codes writes the stay, room and codes it now holds, and the desk finds
// that room from the reservation.
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { guest } from "../schema";

export interface GuestStay {
  roomId: string;
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
  /** Null once the booking is cancelled: the stay page then shows no code. */
  frontDoorPin: string | null;
  frontDoorPinId: string | null;
  roomPinId: string | null;
}

/** Idempotent: writes the whole stay as the session holds it now. */
export async function updateGuestStay(db: Database, sessionId: string, stay: GuestStay): Promise<void> {
  await db
    .update(guest)
    .set(stay)
    .where(and(eq(guest.checkinSessionId, sessionId), eq(guest.archived, false)));
}

/** The check-in session that owns a checked-in reservation's door codes, if Frontdoor made them. */
export async function checkinSessionOf(db: Database, reservationId: string): Promise<string | null> {
  const rows = await db
    .select({ sessionId: guest.checkinSessionId })
    .from(guest)
    .where(and(eq(guest.reservationId, reservationId), eq(guest.archived, false)))
    .limit(1);
  return rows[0]?.sessionId ?? null;
}
