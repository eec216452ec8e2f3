// Seam's webhooks (https://docs.seam.co/latest/developer-tools/webhooks), delivered by
// Svix. A code event reaches the check-in room that owns the code; a bad signature is
// refused; anything unknown is acknowledged and dropped so Svix stops retrying it.
import { eq, or } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { z } from "zod";
import { guest } from "../../db/schema";
import { sessionId as sessionIdSchema } from "../../shared/protocol/common";
import { lockProvider } from "../locks";
import { CODE_EVENT_STATES } from "../locks/seam/code-state";
import { readSvixEvent } from "../webhooks/svix-event";
import { apiErrorResponse, json } from "../http-json";
import { callParty } from "../party-client";
import { LOCK_EVENT_PATH, type LockEventBody } from "../checkin/lock-tracking";
import { sessionIdFromLabel } from "../checkin/pin-task";
import type { AppEnv } from "./app-env";

const seamEvent = z.object({
  event_id: z.string().max(200),
  event_type: z.string().max(200),
  access_code_id: z.string().max(200).optional(),
  device_id: z.string().max(200).optional(),
  occurred_at: z.string().datetime({ offset: true }),
});

export const seamWebhookRoutes = new Hono<AppEnv>();

seamWebhookRoutes.post("/seam", async (c) => {
  const env = c.get("env");
  if (!env.SEAM_WEBHOOK_SECRET) return apiErrorResponse(404, "not_found", "Seam webhooks are not configured");
  const read = await readSvixEvent(c.req.raw, env.SEAM_WEBHOOK_SECRET, seamEvent, "seam-webhook");
  if (!read.ok) return read.response;
  const event = read.event;
  const state = CODE_EVENT_STATES[event.event_type];
  if (!state || !event.access_code_id) return json({ ignored: event.event_type });
  const sessionId = await sessionOwning(c, event.access_code_id);
  if (!sessionId) return json({ ignored: "unknown code" });
  const lockEvent: LockEventBody = {
    accessCodeId: event.access_code_id,
    state,
    occurredAt: Date.parse(event.occurred_at),
  };
  const res = await callParty(
    env,
    c.env.lobby.parties,
    { party: "checkin", roomId: sessionId, path: LOCK_EVENT_PATH },
    { method: "POST", body: lockEvent },
  );
  // A failure here is ours: answering 5xx makes Svix deliver the event again later.
  if (res.status >= 500) return apiErrorResponse(503, "unavailable", "Try again later");
  return json({ delivered: res.ok });
});

/**
 * The check-in session a code belongs to: the guest row once checked in (a code deleted
 * at Seam can no longer be looked up there), else the code's name at Seam.
 */
async function sessionOwning(c: Context<AppEnv>, accessCodeId: string): Promise<string | null> {
  const [row] = await c
    .get("db")
    .select({ sessionId: guest.checkinSessionId })
    .from(guest)
    .where(or(eq(guest.frontDoorPinId, accessCodeId), eq(guest.roomPinId, accessCodeId)))
    .limit(1);
  if (row?.sessionId) return row.sessionId;
  const [pin] = await lockProvider(c.get("env"))
    .getPins([accessCodeId])
    .catch(() => []);
  const sessionId = pin ? sessionIdFromLabel(pin.label) : null;
  return sessionId !== null && sessionIdSchema.safeParse(sessionId).success ? sessionId : null;
}
