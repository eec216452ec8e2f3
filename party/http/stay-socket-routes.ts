// Where the stay page's live socket goes: the check-in room of the session that became
// this stay. The stay token travels in the body here and in the socket's first
// message, never in a URL; the room checks it again before it says anything.
import { Hono } from "hono";
import { findStayByToken } from "../../db/queries/reservations";
import { staySocketRequest, type StaySocketResponse } from "../../shared/protocol/guest-stay";
import { apiErrorResponse, readJsonBody } from "../http-json";
import type { AppEnv } from "./app-env";

export const staySocketRoutes = new Hono<AppEnv>();

staySocketRoutes.post("/stay-socket", async (c) => {
  const body = await readJsonBody(c.req.raw, staySocketRequest);
  if (!body.ok) return body.response;
  const stay = await findStayByToken(c.get("db"), body.value.stayToken);
  if (!stay) return apiErrorResponse(404, "not_found", "We couldn't find that stay.");
  c.header("cache-control", "no-store");
  return c.json({ sessionId: stay.guest.checkinSessionId ?? null } satisfies StaySocketResponse);
});
