// Opt-in: the Resend and Twilio adapters against the real services. Each part runs only
// when its credentials are set, and is skipped otherwise, saying so.
// - Resend: RESEND_API_KEY. Sends to Resend's test address delivered@resend.dev from
//   EMAIL_FROM (default onboarding@resend.dev, Resend's sandbox sender), twice under one
//   idempotency key, and expects one email id.
// - Twilio: TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, ideally the account's *test*
//   credentials (nothing is sent or charged). Sends from TWILIO_FROM (default Twilio's
//   test sender +15005550006) to +15005550006 (accepted) and +15005550001 (21211). With
//   TWILIO_LIVE_TO set (live credentials and a phone you own), also sends it one real SMS
//   and finds it again with findSent.
import { describe, expect, it } from "vitest";
import { RESEND_API_URL, SIM_TWILIO_FROM, TWILIO_API_URL } from "../../party/messages/connections";
import { resendChannel } from "../../party/messages/resend/channel";
import { twilioChannel } from "../../party/messages/twilio/channel";

const env = process.env;
const resendLive = Boolean(env.RESEND_API_KEY);
const twilioLive = Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN);
if (!resendLive) console.info("[messages-live] Resend skipped: set RESEND_API_KEY to run it");
if (!twilioLive) console.info("[messages-live] Twilio skipped: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to run it");

describe.skipIf(!resendLive)("the Resend adapter against Resend", () => {
  it("sends once under one idempotency key", { timeout: 60_000 }, async () => {
    const resend = resendChannel({
      baseUrl: env.RESEND_API_URL ?? RESEND_API_URL,
      apiKey: env.RESEND_API_KEY ?? "",
      webhookSecret: undefined,
      from: env.EMAIL_FROM ?? "Frontdoor <onboarding@resend.dev>",
    });
    const message = {
      idempotencyKey: `frontdoor-live-${Date.now()}`,
      to: "delivered@resend.dev",
      subject: "Frontdoor live test",
      text: "A test from Frontdoor's opt-in live test.",
      unsubscribeUrl: "https://frontdoor.test/unsubscribe/live-test",
    };
    const first = await resend.send(message);
    const second = await resend.send(message);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
  });
});

describe.skipIf(!twilioLive)("the Twilio adapter against Twilio", () => {
  const twilio = twilioChannel({
    baseUrl: env.TWILIO_API_URL ?? TWILIO_API_URL,
    accountSid: env.TWILIO_ACCOUNT_SID ?? "",
    authToken: env.TWILIO_AUTH_TOKEN ?? "",
    ...(env.TWILIO_MESSAGING_SERVICE_SID
      ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID }
      : { from: env.TWILIO_FROM ?? SIM_TWILIO_FROM }),
  });

  it("maps Twilio's invalid test number to 21211", { timeout: 60_000 }, async () => {
    const outcome = await twilio.send({
      idempotencyKey: "live-invalid",
      to: "+15005550001",
      text: "Frontdoor live test",
    });
    expect(outcome).toMatchObject({ ok: false, kind: "permanent", reason: "Invalid phone number (Twilio 21211)" });
  });

  it.skipIf(!env.TWILIO_LIVE_TO)("sends one SMS and finds it again", { timeout: 60_000 }, async () => {
    const since = Date.now();
    const message = { idempotencyKey: "live", to: env.TWILIO_LIVE_TO ?? "", text: `Frontdoor live test ${since}` };
    const outcome = await twilio.send(message);
    expect(outcome).toMatchObject({ ok: true });
    expect(await twilio.findSent?.(message, since)).toBe(outcome.ok ? outcome.providerMessageId : "missing");
  });
});
