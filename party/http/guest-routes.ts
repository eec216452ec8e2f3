// The guest's HTTP surface. Each handler validates input, calls one verb, and maps
// the outcome to a status: the rules live in the domain and the rooms.
import { Hono } from "hono";
import type { Context } from "hono";
import { findLiveGuestByRef, findReservationByRef, findStayByToken } from "../../db/queries/reservations";
import { pinWindow } from "../../domain/pin-window";
import { bookingRef, stayToken as stayTokenSchema } from "../../shared/protocol/common";
import {
  lookupRequest,
  stayAccessRequest,
  type LookupResponse,
  type StayResponse,
} from "../../shared/protocol/guest-http";
import { apiErrorResponse, json, rateLimitedResponse, readJsonBody } from "../http-json";
import type { AppEnv } from "./app-env";
import { startCheckin } from "./start-checkin";
import { clientIp, takeRateLimit } from "./rate-limit";

export const guestRoutes = new Hono<AppEnv>();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Two limits: per client (a guessing script) and per reference (a distributed one aimed at a booking). */
export async function limited(
  c: Context<AppEnv>,
  scope: string,
  ref: string | null,
  perRefPerHour: number,
): Promise<Response | null> {
  const env = c.get("env");
  const parties = c.env.lobby.parties;
  const ip = clientIp(c.req.raw, env);
  const checks = [
    takeRateLimit(env, parties, `${scope}:ip:${ip}`, { limit: env.LOOKUP_LIMIT_PER_MINUTE, windowMs: MINUTE }),
  ];
  if (ref) checks.push(takeRateLimit(env, parties, `${scope}:ref:${ref}`, { limit: perRefPerHour, windowMs: HOUR }));
  const results = await Promise.all(checks);
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return null;
  const retryAfterSeconds = Math.max(1, ...refused.map((r) => r.retryAfterSeconds));
  return rateLimitedResponse(retryAfterSeconds);
}

guestRoutes.post("/lookup", async (c) => {
  const body = await readJsonBody(c.req.raw, lookupRequest);
  if (!body.ok) return body.response;
  const typed = body.value.bookingRef.trim();
  const ref = bookingRef.safeParse(typed);
  const tooMany = await limited(c, "lookup", ref.success ? ref.data : null, c.get("env").LOOKUP_LIMIT_PER_REF_PER_HOUR);
  if (tooMany) return tooMany;
  if (!ref.success) return json({ kind: "not-found", bookingRef: typed } satisfies LookupResponse, 404);

  return startCheckin(c, await findReservationByRef(c.get("db"), ref.data), typed);
});

/** A guest who already checked in proves it is them with the last four digits of the phone they gave. */
guestRoutes.post("/stay-access", async (c) => {
  const body = await readJsonBody(c.req.raw, stayAccessRequest);
  if (!body.ok) return body.response;
  const ref = bookingRef.safeParse(body.value.bookingRef);
  // Four digits are only 10,000 guesses: a tight per-reference limit is what makes them a proof.
  const tooMany = await limited(c, "stay-access", ref.success ? ref.data : null, 5);
  if (tooMany) return tooMany;
  const guest = ref.success ? await findLiveGuestByRef(c.get("db"), ref.data) : null;
  if (!guest?.phoneE164.endsWith(body.value.phoneLast4)) {
    return apiErrorResponse(403, "mismatch", "Those digits don't match the phone number given at check-in.", {
      fields: { phoneLast4: "Those digits don't match the phone number given at check-in" },
    });
  }
  return json({ stayToken: guest.secureToken });
});

guestRoutes.get("/stay/:token", async (c) => {
  const token = stayTokenSchema.safeParse(c.req.param("token"));
  const stay = token.success ? await findStayByToken(c.get("db"), token.data) : null;
  if (!stay)
    return apiErrorResponse(
      404,
      "not_found",
      "We couldn't find that stay. Enter your booking reference to find it again.",
    );
  const { guest, room, property } = stay;
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
    carRegistration: guest.carRegistration,
  };
  // The page holds a door code: never let a shared cache keep it.
  c.header("cache-control", "no-store");
  return c.json(body);
});
