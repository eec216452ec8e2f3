// Replies to Frontdoor's SMS sender. STOP and its synonyms opt the number out of every
// property that has messaged it, at once; START opts it back in. Twilio's own opt-out
// handling sends the confirmation text, so the answer is an empty TwiML response.
import { Hono } from "hono";
import { recordSmsStart } from "../../db/queries/message-consent";
import { recordSmsStop } from "../../db/queries/messages";
import { apiErrorResponse } from "../http-json";
import { inboundIntent } from "../messages/twilio/inbound";
import type { AppEnv } from "./app-env";
import { verifiedTwilioForm } from "./twilio-form";

export const twilioInboundRoutes = new Hono<AppEnv>();

const E164 = /^\+[1-9]\d{6,14}$/;
const emptyTwiml = () =>
  new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', {
    headers: { "content-type": "text/xml" },
  });

twilioInboundRoutes.post("/twilio/inbound", async (c) => {
  const form = await verifiedTwilioForm(c);
  if (!form.ok) return apiErrorResponse(form.status, "bad_signature", "Webhook signature not valid");
  const from = form.fields.get("From") ?? "";
  if (!E164.test(from)) return emptyTwiml();
  const intent = inboundIntent(form.fields.get("Body"), form.fields.get("OptOutType"));
  const db = c.get("db");
  if (intent === "stop") await recordSmsStop(db, from, Date.now());
  if (intent === "start") await recordSmsStart(db, from);
  return emptyTwiml();
});
