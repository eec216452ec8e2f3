// The guest's HTTP surface. Each handler validates input, calls one verb, and maps
// the outcome to a status: the rules live in the domain and the rooms.
import { Hono } from "hono";
import type { Context } from "hono";
import { findReservationByRef, findStayByToken, recordProofFailure } from "../../db/queries/reservations";
import { manualCodesForStay } from "../doors/manual-codes";
import { pinWindow } from "../../domain/pin-window";
import { bookingRef } from "../../shared/protocol/common";
import { lookupRequest, stayRequest, type LookupResponse, type StayResponse } from "../../shared/protocol/guest-http";
import { apiErrorResponse, json, rateLimitedResponse, readJsonBody } from "../http-json";
import type { AppEnv } from "./app-env";
import { bookingProven } from "./booking-proof";
import { startCheckin } from "./start-checkin";
import { clientIp, takeRateLimit, takeRateLimits } from "./rate-limit";

export const guestRoutes = new Hono<AppEnv>();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Per client (a guessing script), per client and reference (one device's retries at one
 * booking), and per reference with a ceiling far above a guest's own use (a distributed
 * guesser). None is a lock on the booking: its check-in link and stay link are not limited
 * per reference, so the real guest always has a way in. The client's two buckets live in
 * the client's limiter room and are charged in one request; the reference's own bucket
 * has to live in a room of its own (many clients share it), asked side by side.
 */
export async function limited(
  c: Context<AppEnv>,
  scope: string,
  ref: string | null,
  perRefPerHour: number,
): Promise<Response | null> {
  const env = c.get("env");
  const parties = c.env.lobby.parties;
  const ip = clientIp(c.req.raw, env);
  const clientBuckets = [{ name: "", limit: env.LOOKUP_LIMIT_PER_MINUTE, windowMs: MINUTE }];
  if (ref) clientBuckets.push({ name: `ref:${ref}`, limit: env.LOOKUP_LIMIT_PER_CLIENT_REF_PER_HOUR, windowMs: HOUR });
  const checks = [takeRateLimits(env, parties, `${scope}:ip:${ip}`, clientBuckets)];
  if (ref) checks.push(takeRateLimit(env, parties, `${scope}:ref:${ref}`, { limit: perRefPerHour, windowMs: HOUR }));
  const results = await Promise.all(checks);
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return null;
  const retryAfterSeconds = Math.max(1, ...refused.map((r) => r.retryAfterSeconds));
  return rateLimitedResponse(retryAfterSeconds);
}

/**
 * The reference and a second fact. An unknown reference and a wrong fact get the same
 * answer after the same work (one read, the same hashes, one update), and "checked in" or
 * a session only follow a right fact, so the lookup cannot be used to list bookings.
 */
guestRoutes.post("/lookup", async (c) => {
  const body = await readJsonBody(c.req.raw, lookupRequest);
  if (!body.ok) return body.response;
  const typed = body.value.bookingRef.trim();
  const ref = bookingRef.safeParse(typed);
  const tooMany = await limited(c, "lookup", ref.success ? ref.data : null, c.get("env").LOOKUP_LIMIT_PER_REF_PER_HOUR);
  if (tooMany) return tooMany;
  const notFound = () => json({ kind: "not-found", bookingRef: typed } satisfies LookupResponse, 404);
  if (!ref.success) return notFound();

  const db = c.get("db");
  const found = await findReservationByRef(db, ref.data);
  const facts = found?.reservation ?? null;
  if (!(await bookingProven(facts, body.value.proof, found?.property.country))) {
    await recordProofFailure(db, ref.data, Date.now());
    return notFound();
  }
  return startCheckin(c, found, typed);
});

/** The stay page's data for the token in the body: a token in the path would be in every request log. */
guestRoutes.post("/stay", async (c) => {
  const request = await readJsonBody(c.req.raw, stayRequest);
  const stay = request.ok ? await findStayByToken(c.get("db"), request.value.token) : null;
  if (!stay)
    return apiErrorResponse(
      404,
      "not_found",
      "We couldn't find that stay. Enter your booking reference to find it again.",
    );
  const { guest, room, property, reservation } = stay;
  const window = pinWindow({
    checkInDate: guest.checkInDate,
    checkOutDate: guest.checkOutDate,
    earlyCheckInTime: guest.earlyCheckInTime,
    lateCheckoutTime: guest.lateCheckoutTime,
    standardCheckInTime: property.standardCheckInTime,
    standardCheckoutTime: property.standardCheckoutTime,
    timeZone: property.timeZone,
  });
  const body: StayResponse = {
    guestName: guest.fullName,
    bookingRef: guest.bookingRef,
    propertyName: property.name,
    propertyPhone: property.phone,
    roomName: room.name,
    checkInDate: guest.checkInDate,
    checkOutDate: guest.checkOutDate,
    earlyCheckInTime: guest.earlyCheckInTime,
    lateCheckoutTime: guest.lateCheckoutTime,
    pinValidFrom: window.localStart,
    pinValidUntil: window.localEnd,
    timeZone: property.timeZone,
    pin: guest.frontDoorPin,
    // A cancelled booking shows no code, manual or not.
    manual:
      reservation.status === "cancelled"
        ? { frontDoor: null, room: null }
        : await manualCodesForStay(c.get("db"), c.get("env").SESSION_SECRET, property.id, room, window, Date.now()),
    carRegistration: guest.carRegistration,
  };
  // The page holds a door code: never let a shared cache keep it.
  c.header("cache-control", "no-store");
  return c.json(body);
});
