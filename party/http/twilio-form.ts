// What both Twilio webhook routes do first: read the bounded form body and check
// X-Twilio-Signature against the URL Twilio was given. That URL is this deployment's
// public one (SELF_URL), not the one the runtime sees behind a proxy.
import type { Context } from "hono";
import { twilioConnection } from "../messages/connections";
import { verifyTwilioSignature } from "../messages/twilio/signature";
import type { AppEnv } from "./app-env";

export type TwilioForm = { ok: true; fields: URLSearchParams } | { ok: false; status: 401 | 403 };

export async function verifiedTwilioForm(c: Context<AppEnv>): Promise<TwilioForm> {
  const env = c.get("env");
  const { accountSid, authToken } = await twilioConnection(env);
  const fields = new URLSearchParams(await c.req.text());
  const url = new URL(c.req.url);
  const signedUrl = `${env.SELF_URL}${url.pathname}${url.search}`;
  const signature = c.req.header("x-twilio-signature") ?? null;
  if (!(await verifyTwilioSignature(authToken, signedUrl, [...fields.entries()], signature))) {
    console.warn("[twilio-webhook] refused: signature does not match");
    return { ok: false, status: 403 };
  }
  // Signed with our token but for another account (a subaccount's number): not ours to read.
  if (fields.get("AccountSid") !== accountSid) return { ok: false, status: 403 };
  return { ok: true, fields };
}
