// What both ways into the wizard (a typed reference, a check-in link) do once they have
// found the reservation: answer "not found" or "already checked in", or start a session.
import type { Context } from "hono";
import type { findReservationByRef } from "../../db/queries/reservations";
import { deviceTypeFromUserAgent } from "../../domain/device-type";
import type { LookupResponse } from "../../shared/protocol/guest-http";
import type { CheckinCommand } from "../../shared/protocol/internal";
import { json } from "../http-json";
import { callParty } from "../party-client";
import { newSessionId } from "../random";
import type { AppEnv } from "./app-env";

type Found = Awaited<ReturnType<typeof findReservationByRef>>;

export async function startCheckin(c: Context<AppEnv>, found: Found, shownRef: string): Promise<Response> {
  if (!found || found.reservation.status === "cancelled" || found.reservation.status === "no_show") {
    return json({ kind: "not-found", bookingRef: shownRef } satisfies LookupResponse, 404);
  }
  if (found.liveGuestId)
    return json({ kind: "checked-in", bookingRef: found.reservation.bookingRef } satisfies LookupResponse);

  const sessionId = newSessionId();
  const { reservation: r, room, property } = found;
  const init: CheckinCommand = {
    type: "init",
    sessionId,
    reservationId: r.id,
    reservation: {
      bookingRef: r.bookingRef,
      propertyId: property.id,
      propertyName: property.name,
      propertyPhone: property.phone,
      propertyCountry: property.country,
      roomName: room.name,
      checkInDate: r.checkInDate,
      checkOutDate: r.checkOutDate,
      earlyCheckInTime: r.earlyCheckInTime,
      lateCheckoutTime: r.lateCheckoutTime,
    },
    locks: {
      roomId: room.id,
      frontDoorLockId: room.frontDoorLockId,
      roomLockId: room.roomLockId,
      timeZone: property.timeZone,
      standardCheckInTime: property.standardCheckInTime,
      standardCheckoutTime: property.standardCheckoutTime,
    },
    deviceType: deviceTypeFromUserAgent(c.req.header("user-agent")),
  };
  const res = await callParty(
    c.get("env"),
    c.env.lobby.parties,
    { party: "checkin", roomId: sessionId },
    { method: "POST", body: init },
  );
  if (!res.ok) throw new Error(`Starting the check-in session failed: ${res.status}`);
  return json({ kind: "session", sessionId, bookingRef: r.bookingRef } satisfies LookupResponse, 201);
}
