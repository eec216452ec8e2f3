// The one rule for changing a booking whose guest has checked in, whatever path the
// change takes (the desk's edit and cancel, a CSV import, later the API and iCal): the
// guest's door codes follow it. The check-in room that owns the codes is told first and
// persists the change before answering; its alarm then moves the codes through the lock
// provider, retrying until they are in line. Only after the room has accepted does the
// caller write the reservation, so a failure here leaves the booking as it was, and
// telling the room again (the same edit, the same file) is harmless.
import type * as Party from "partykit/server";
import type { Database } from "../../db/client";
import { checkinSessionOf } from "../../db/queries/guest-stay";
import { findRoom } from "../../db/queries/rooms";
import type { property } from "../../db/schema";
import { stayMoved, type StayChange, type StayTarget } from "../../domain/booking-change";
import type { CheckinCommand } from "../../shared/protocol/internal";
import type { RuntimeEnv } from "../env";
import { callParty } from "../party-client";

export interface FollowContext {
  env: RuntimeEnv;
  parties: Party.Context["parties"] | null;
  db: Database;
  property: Pick<typeof property.$inferSelect, "id" | "timeZone" | "standardCheckInTime" | "standardCheckoutTime">;
}

export interface ChangingBooking extends StayTarget {
  reservationId: string;
  /** Checked in: a guest row exists (the reservation's status may lag it by a moment). */
  checkedIn: boolean;
  /** The session that made the guest's codes, when the caller already read it; looked up otherwise. */
  sessionId?: string | null;
}

export type FollowOutcome =
  /** Nothing for the codes to do: not checked in, or nothing they depend on changed. */
  | { kind: "no-codes" }
  /** The check-in room took the change; `detail` is for the audit log (never a code). */
  | { kind: "following"; sessionId: string; detail: string }
  | { kind: "refused"; status: 409 | 502; code: string; message: string };

/** Tells the booking's check-in room about a new room/stay or a cancellation, if its guest has checked in. */
export async function followBookingChange(
  ctx: FollowContext,
  booking: ChangingBooking,
  next: StayTarget | "cancelled",
): Promise<FollowOutcome> {
  if (!booking.checkedIn) return { kind: "no-codes" };
  if (next !== "cancelled" && !stayMoved(booking, next)) return { kind: "no-codes" };
  const sessionId =
    booking.sessionId === undefined ? await checkinSessionOf(ctx.db, booking.reservationId) : booking.sessionId;
  if (!sessionId) {
    return {
      kind: "refused",
      status: 409,
      code: "checked_in",
      message:
        "This guest's door codes were not made by Frontdoor, so they cannot follow a change. " +
        "Change the codes on the locks first, then the booking.",
    };
  }
  let command: CheckinCommand;
  let detail: string;
  if (next === "cancelled") {
    command = { type: "cancelled" };
    detail = "checked in: door codes deleted";
  } else {
    const room = await findRoom(ctx.db, ctx.property.id, next.roomId);
    if (!room) return { kind: "refused", status: 409, code: "validation", message: "Choose a room." };
    command = { type: "stay-changed", change: stayChangeFor(ctx.property, room, next) };
    detail =
      next.roomId !== booking.roomId
        ? `checked in: door codes moved to ${room.name}`
        : "checked in: door codes given the new stay window";
  }
  let res: Response;
  try {
    res = await callParty(
      ctx.env,
      ctx.parties,
      { party: "checkin", roomId: sessionId },
      { method: "POST", body: command },
    );
  } catch {
    res = new Response(null, { status: 503 });
  }
  await res.body?.cancel();
  if (res.ok) return { kind: "following", sessionId, detail };
  if (res.status === 409) {
    return {
      kind: "refused",
      status: 409,
      code: "checked_in",
      message: "The guest is just finishing check-in, so the door codes can't follow yet. Try again in a minute.",
    };
  }
  return {
    kind: "refused",
    status: 502,
    code: "upstream",
    message: "The guest's door codes could not be reached, so nothing was changed. Try again in a minute.",
  };
}

export function stayChangeFor(
  property: FollowContext["property"],
  room: { id: string; name: string; frontDoorLockId: string; roomLockId: string },
  stay: StayTarget,
): StayChange {
  return {
    reservation: {
      roomName: room.name,
      checkInDate: stay.checkInDate,
      checkOutDate: stay.checkOutDate,
      earlyCheckInTime: stay.earlyCheckInTime,
      lateCheckoutTime: stay.lateCheckoutTime,
    },
    locks: {
      roomId: room.id,
      frontDoorLockId: room.frontDoorLockId,
      roomLockId: room.roomLockId,
      timeZone: property.timeZone,
      standardCheckInTime: property.standardCheckInTime,
      standardCheckoutTime: property.standardCheckoutTime,
    },
  };
}
