// What both ways into the wizard (a typed reference with its proof, a check-in link) do
// once they have found the reservation: answer "not found" or "already checked in", join
// the booking's live session, or start one. A booking has at most one live session, so
// its locks carry at most one code of ours each, whatever the number of lookups.
import type { Context } from "hono";
import { claimLiveSession, liveSessionOf, type findReservationByRef } from "../../db/queries/reservations";
import { deviceTypeFromUserAgent } from "../../domain/device-type";
import type { LookupResponse } from "../../shared/protocol/guest-http";
import { supersedeAnswer, type CheckinCommand } from "../../shared/protocol/internal";
import { json } from "../http-json";
import { callParty } from "../party-client";
import { newSessionId } from "../random";
import type { AppEnv } from "./app-env";

type Found = NonNullable<Awaited<ReturnType<typeof findReservationByRef>>>;

/** Racing lookups settle within a couple of rounds; more means something else is wrong. */
const MAX_CLAIM_ROUNDS = 3;

export async function startCheckin(c: Context<AppEnv>, found: Found | null, shownRef: string): Promise<Response> {
  if (!found || found.reservation.status === "cancelled" || found.reservation.status === "no_show") {
    return json({ kind: "not-found", bookingRef: shownRef } satisfies LookupResponse, 404);
  }
  const { reservation: r, property } = found;
  if (found.liveGuestId) {
    const answer: LookupResponse = { kind: "checked-in", bookingRef: r.bookingRef, propertyPhone: property.phone };
    return json(answer);
  }

  const session = (sessionId: string, status: number) =>
    json({ kind: "session", sessionId, bookingRef: r.bookingRef } satisfies LookupResponse, status);
  let current = r.liveSessionId;
  for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
    // Another device, tab or retry joins the session already under way (both see the same state).
    if (current && !(await supersede(c, current, true))) return session(current, 200);
    // The room exists before its id is published, so a lookup that reads the claim can connect at once.
    const sessionId = newSessionId();
    await initRoom(c, found, sessionId);
    if (await claimLiveSession(c.get("db"), r.id, current, sessionId)) return session(sessionId, 201);
    // A racing lookup claimed first: ours ends before it could put a code anywhere, and theirs is the one.
    await supersede(c, sessionId, false);
    current = await liveSessionOf(c.get("db"), r.id);
  }
  throw new Error("Could not settle the booking's live session");
}

/** Asks a session's room to end (only if it has ended or failed, with `onlyIfEnded`); true when it did. */
async function supersede(c: Context<AppEnv>, sessionId: string, onlyIfEnded: boolean): Promise<boolean> {
  const command: CheckinCommand = { type: "supersede", onlyIfEnded };
  const route = { party: "checkin", roomId: sessionId };
  const res = await callParty(c.get("env"), c.env.lobby.parties, route, { method: "POST", body: command });
  // A room with nothing stored (never started, or wiped after it ended) has nothing to resume.
  if (res.status === 404) return true;
  if (!res.ok) throw new Error(`Superseding a check-in session failed: ${res.status}`);
  return supersedeAnswer.parse(await res.json()).superseded;
}

async function initRoom(c: Context<AppEnv>, found: Found, sessionId: string): Promise<void> {
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
}
