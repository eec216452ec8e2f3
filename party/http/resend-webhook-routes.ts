// Resend's delivery webhooks (https://resend.com/docs/dashboard/webhooks/introduction),
// delivered by Svix. A verified event becomes a DeliveryReport on the message log, which
// only moves forward: a replayed, late or out-of-order event changes nothing, and an
// event for an id we never sent is acknowledged and dropped so Svix stops retrying it.
import { Hono } from "hono";
import { applyDeliveryReport } from "../../db/queries/messages";
import { apiErrorResponse, json } from "../http-json";
import { resendConnection } from "../messages/connections";
import { resendDeliveryReport } from "../messages/resend/webhook";
import { resendWebhookEvent } from "../messages/resend/wire";
import { readSvixEvent } from "../webhooks/svix-event";
import type { AppEnv } from "./app-env";

export const resendWebhookRoutes = new Hono<AppEnv>();

resendWebhookRoutes.post("/resend", async (c) => {
  const { webhookSecret } = await resendConnection(c.get("env"));
  if (!webhookSecret) return apiErrorResponse(404, "not_found", "Resend webhooks are not configured");
  const read = await readSvixEvent(c.req.raw, webhookSecret, resendWebhookEvent, "resend-webhook");
  if (!read.ok) return read.response;
  const report = resendDeliveryReport(read.event);
  if (!report) return json({ ignored: read.event.type });
  // A failure here is ours: a 5xx makes Svix deliver the event again later.
  const applied = await applyDeliveryReport(c.get("db"), report);
  return json({ applied });
});
