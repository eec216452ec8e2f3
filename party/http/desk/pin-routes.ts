// Staff fixes for a session whose PINs failed, and the logged PIN reveal. Fixes are
// forwarded to the session's checkin room, which owns the PIN state machine; the
// room answers with the new public state (which it also pushes to the guest and the
// board) or an apiError. Every attempt, successful or not, is audited.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { recordAudit, type AuditAction } from "../../../db/queries/audit";
import { findFrontDoorPin } from "../../../db/queries/desk-sessions";
import {
  deskManualPinRequest,
  type DeskRevealPinResponse,
  type DeskSessionActionResponse,
} from "../../../shared/protocol/desk-http";
import { apiError } from "../../../shared/protocol/errors";
import type { CheckinCommand } from "../../../shared/protocol/internal";
import { publicSessionState } from "../../../shared/protocol/session-state";
import { decodeJson } from "../../../shared/decode";
import { apiErrorResponse, readJsonBody } from "../../http-json";
import { callParty } from "../../party-client";
import { requireManager, type DeskEnv } from "./context";
import { type DeskSession, sessionInScope } from "./session-scope";

export const pinRoutes = new Hono<DeskEnv>();

async function forward(
  c: Context<DeskEnv>,
  action: AuditAction,
  command: CheckinCommand,
  session: DeskSession,
): Promise<Response> {
  const env = c.get("env");
  const res = await callParty(
    env,
    c.env.lobby.parties,
    { party: "checkin", roomId: session.sessionId },
    { method: "POST", body: command },
  );
  const text = await res.text();
  const error = decodeJson(text, apiError);
  await recordAudit(c.get("db"), {
    staffId: c.get("staff").staffId,
    action,
    bookingRef: session.bookingRef,
    sessionId: session.sessionId,
    detail: res.ok ? "accepted" : `refused ${res.status} ${error.ok ? error.value.error.code : "unknown"}`,
    at: Date.now(),
  });
  if (!res.ok) {
    if (error.ok) return c.json(error.value, (res.status >= 500 ? 502 : res.status) as ContentfulStatusCode);
    return apiErrorResponse(502, "upstream", `The check-in session answered ${res.status}.`);
  }
  const state = decodeJson(text, publicSessionState);
  if (!state.ok) return apiErrorResponse(502, "upstream", "The check-in session sent an unexpected answer.");
  const answer: DeskSessionActionResponse = { state: state.value };
  return c.json(answer);
}

pinRoutes.post("/sessions/:sessionId/retry-pins", async (c) => {
  const session = await sessionInScope(c);
  if (session instanceof Response) return session;
  return forward(c, "pin.retry", { type: "retry-pins" }, session);
});

pinRoutes.post("/sessions/:sessionId/manual-pin", requireManager, async (c) => {
  const body = await readJsonBody(c.req.raw, deskManualPinRequest);
  if (!body.ok) return body.response;
  const session = await sessionInScope(c);
  if (session instanceof Response) return session;
  return forward(c, "pin.manual", { type: "manual-pin", pin: body.value.pin }, session);
});

pinRoutes.post("/sessions/:sessionId/reveal-pin", async (c) => {
  const session = await sessionInScope(c);
  if (session instanceof Response) return session;
  const pin = await findFrontDoorPin(c.get("db"), session.bookingRef);
  await recordAudit(c.get("db"), {
    staffId: c.get("staff").staffId,
    action: "pin.reveal",
    bookingRef: session.bookingRef,
    sessionId: session.sessionId,
    detail: pin ? "shown" : "no PIN stored yet",
    at: Date.now(),
  });
  if (!pin)
    return apiErrorResponse(
      404,
      "no_pin",
      "There is no PIN for this booking yet; it is stored when the check-in completes.",
    );
  const answer: DeskRevealPinResponse = { sessionId: session.sessionId, bookingRef: session.bookingRef, pin };
  c.header("cache-control", "no-store");
  return c.json(answer);
});
