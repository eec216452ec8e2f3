// /checkin/<token> asks here for its session: the same per-client rate limit as typing
// a reference (a link is one more way to guess), then the booking the token's hash names.
import { Hono } from "hono";
import { findReservationRefByLinkHash } from "../../db/queries/bookings";
import { findReservationByRef } from "../../db/queries/reservations";
import { checkinLinkUsable } from "../../domain/booking";
import { checkinLinkHash } from "../../domain/checkin-link";
import { localDate } from "../../domain/pin-window";
import { checkinLinkRequest } from "../../shared/bookings-protocol";
import type { LookupResponse } from "../../shared/protocol/guest-http";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import type { AppEnv } from "./app-env";
import { limited } from "./guest-routes";
import { startCheckin } from "./start-checkin";

export const checkinLinkRoutes = new Hono<AppEnv>();

checkinLinkRoutes.post("/checkin-link", async (c) => {
  const tooMany = await limited(c, "lookup", null, c.get("env").LOOKUP_LIMIT_PER_REF_PER_HOUR);
  if (tooMany) return tooMany;
  const body = await readJsonBody(c.req.raw, checkinLinkRequest);
  if (!body.ok) return json({ kind: "not-found", bookingRef: "" } satisfies LookupResponse, 404);
  const db = c.get("db");
  const ref = await findReservationRefByLinkHash(db, await checkinLinkHash(body.value.token));
  const found = ref ? await findReservationByRef(db, ref) : null;
  if (!found) return json({ kind: "not-found", bookingRef: "" } satisfies LookupResponse, 404);
  const today = localDate(Date.now(), found.property.timeZone);
  if (!checkinLinkUsable(found.reservation.status, found.reservation.checkOutDate, today)) {
    if (today > found.reservation.checkOutDate) {
      return apiErrorResponse(410, "link_expired", "This check-in link has expired: the stay it was for has ended.");
    }
    return json({ kind: "not-found", bookingRef: "" } satisfies LookupResponse, 404);
  }
  return startCheckin(c, found, found.reservation.bookingRef);
});
