// Twilio's status callbacks for the SMS Frontdoor sent (the StatusCallback given with each
// message). `delivered`, `undelivered` and `failed` reach the message log, which only moves
// forward; `queued`, `sent` and unknown message ids are acknowledged and change nothing.
import { Hono } from "hono";
import { applyDeliveryReport } from "../../db/queries/messages";
import { apiErrorResponse, json } from "../http-json";
import { twilioDeliveryReport } from "../messages/twilio/status";
import type { AppEnv } from "./app-env";
import { verifiedTwilioForm } from "./twilio-form";

export const twilioStatusRoutes = new Hono<AppEnv>();

twilioStatusRoutes.post("/twilio/status", async (c) => {
  const form = await verifiedTwilioForm(c);
  if (!form.ok) return apiErrorResponse(form.status, "bad_signature", "Webhook signature not valid");
  const report = twilioDeliveryReport(form.fields, Date.now());
  if (!report) return json({ ignored: form.fields.get("MessageStatus") ?? "no status" });
  return json({ applied: await applyDeliveryReport(c.get("db"), report) });
});
