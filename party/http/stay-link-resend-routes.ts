// "Send my stay link again": a checked-in guest who lost the tab proves the booking as the
// lookup does and gets the door-code message again, through the message pipeline, at the
// contacts already on the booking. Nothing typed here is ever an address.
import { Hono } from "hono";
import { recordAudit } from "../../db/queries/audit";
import { findReservationByRef, recordProofFailure } from "../../db/queries/reservations";
import { maskContact } from "../../domain/contact-mask";
import {
  guestResendVersion,
  RESEND_WINDOW_MS,
  RESENDS_PER_BOOKING,
  RESENDS_PER_CLIENT,
  resendRefusal,
} from "../../domain/stay-link-resend";
import { bookingRef } from "../../shared/protocol/common";
import { stayLinkResendRequest, type StayLinkResendResponse } from "../../shared/protocol/guest-http";
import { apiErrorResponse, json, rateLimitedResponse, readJsonBody } from "../http-json";
import { MESSAGES_JOB, messagesDeps } from "../messages/job";
import { queueResendRows } from "../messages/planner";
import { wakeJobs } from "../jobs/wake";
import { randomId } from "../random";
import type { AppEnv } from "./app-env";
import { bookingProven } from "./booking-proof";
import { limited } from "./guest-routes";
import { clientIp, takeRateLimit } from "./rate-limit";

export const stayLinkResendRoutes = new Hono<AppEnv>();

const notFound = () =>
  apiErrorResponse(404, "not_found", "We couldn't find a booking with that reference and surname, email or phone.");

stayLinkResendRoutes.post("/stay-link/resend", async (c) => {
  const body = await readJsonBody(c.req.raw, stayLinkResendRequest);
  if (!body.ok) return body.response;
  const env = c.get("env");
  const parties = c.env.lobby.parties;
  const ref = bookingRef.safeParse(body.value.bookingRef.trim());
  // The lookup's own budget first: this route must not give a guesser a second one.
  const [guessing, perClient] = await Promise.all([
    limited(c, "lookup", ref.success ? ref.data : null, env.LOOKUP_LIMIT_PER_REF_PER_HOUR),
    takeRateLimit(env, parties, `stay-resend:ip:${clientIp(c.req.raw, env)}`, {
      limit: RESENDS_PER_CLIENT,
      windowMs: RESEND_WINDOW_MS,
    }),
  ]);
  if (guessing) return guessing;
  if (!perClient.allowed) return tooMany(perClient.retryAfterSeconds);
  if (!ref.success) return notFound();

  const db = c.get("db");
  const found = await findReservationByRef(db, ref.data);
  if (!(await bookingProven(found?.reservation ?? null, body.value.proof, found?.property.country))) {
    await recordProofFailure(db, ref.data, Date.now());
    return notFound();
  }
  const { reservation: r, property } = found!;
  if (!found!.liveGuestId || resendRefusal(r.status) !== null) {
    return apiErrorResponse(409, "not_checked_in", "This booking is not checked in, so there is no stay link to send.");
  }
  const perBooking = await takeRateLimit(env, parties, `stay-resend:booking:${r.id}`, {
    limit: RESENDS_PER_BOOKING,
    windowMs: RESEND_WINDOW_MS,
  });
  if (!perBooking.allowed) return tooMany(perBooking.retryAfterSeconds);

  const rows = await queueResendRows(
    messagesDeps(env, db),
    property.id,
    r.id,
    "door-code",
    guestResendVersion(randomId(6)),
  );
  const sentTo = rows
    .filter((row) => row.status === "scheduled" && row.recipient)
    .map((row) => ({ channel: row.channel, to: maskContact(row.channel, row.recipient!) }));
  await recordAudit(db, {
    staffId: null,
    action: "guest.stay-link-resend",
    bookingRef: r.bookingRef,
    detail: sentTo.length ? sentTo.map((d) => d.channel).join(",") : "no contact",
    at: Date.now(),
  });
  if (sentTo.length === 0) {
    return json({ kind: "no-contact", propertyPhone: property.phone } satisfies StayLinkResendResponse);
  }
  c.env.ctx.waitUntil(wakeJobs(env, parties, property.id, MESSAGES_JOB));
  return json({ kind: "sent", sentTo } satisfies StayLinkResendResponse, 202);
});

function tooMany(retryAfterSeconds: number): Response {
  return rateLimitedResponse(retryAfterSeconds, "requests to send the stay link");
}
