// Contract tests: the real Resend and Twilio adapters, from Node, against the message
// simulator running in real partykit dev (workerd). Each documented outcome is asked for
// the way the README tells a demo to (magic recipients) and read back only through the
// adapter and the simulator's record of what was sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageChannel, OutgoingMessage } from "../../party/messages/channel";
import { messageSimulatorUrl, SIM_TWILIO_FROM, simCredentials } from "../../party/messages/connections";
import { resendChannel } from "../../party/messages/resend/channel";
import { twilioChannel } from "../../party/messages/twilio/channel";
import { simEmails, simSms } from "../../party/messagesim/inspect";
import { startTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let resend: MessageChannel;
let twilio: MessageChannel;
let n = 0;
const unique = () => `${Date.now()}-${n++}`;

beforeAll(async () => {
  stack = await startTestStack({ SIM_MESSAGE_LATENCY_MS: "1", SIM_MESSAGE_WEBHOOK_DELAY_MS: "50" });
  const sim = await simCredentials(stack.vars.INTERNAL_SECRET ?? "");
  resend = resendChannel({
    baseUrl: messageSimulatorUrl(stack.url, "resend"),
    apiKey: sim.resendApiKey,
    webhookSecret: sim.resendWebhookSecret,
    from: "Harbour House <stay@harbour.test>",
  });
  twilio = twilioChannel({
    baseUrl: messageSimulatorUrl(stack.url, "twilio"),
    accountSid: sim.twilioAccountSid,
    authToken: sim.twilioAuthToken,
    from: SIM_TWILIO_FROM,
  });
});
afterAll(async () => stack?.stop());

const secret = () => stack.vars.INTERNAL_SECRET ?? "";

function email(to: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const id = unique();
  return {
    idempotencyKey: `key-${id}`,
    to,
    subject: `Check in online ${id}`,
    text: `Check in: https://frontdoor.test/checkin/${id}`,
    html: `<p>Check in ${id}</p>`,
    unsubscribeUrl: `https://frontdoor.test/unsubscribe/${id}`,
    ...overrides,
  };
}

const sms = (to: string): OutgoingMessage => ({ idempotencyKey: `sms-${unique()}`, to, text: `Your code ${unique()}` });

describe("the Resend adapter against the simulator", () => {
  it("sends an email the simulator stores with its one-click unsubscribe headers", async () => {
    const message = email("ada@example.com");
    const outcome = await resend.send(message);
    expect(outcome).toMatchObject({ ok: true, provider: "resend" });
    const stored = (await simEmails(stack.url, secret())).filter((e) => e.subject === message.subject);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      to: ["ada@example.com"],
      from: "Harbour House <stay@harbour.test>",
      text: message.text,
      idempotency_key: message.idempotencyKey,
      headers: {
        "List-Unsubscribe": `<${message.unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
  });

  it("honours the idempotency key: the same key twice is one email with one id; another body under it is refused", async () => {
    const message = email("grace@example.com");
    const first = await resend.send(message);
    const second = await resend.send(message);
    expect(first.ok && second.ok && first.providerMessageId === second.providerMessageId).toBe(true);
    expect((await simEmails(stack.url, secret())).filter((e) => e.subject === message.subject)).toHaveLength(1);
    const clash = await resend.send({ ...message, text: "something else" });
    expect(clash).toMatchObject({
      ok: false,
      kind: "permanent",
      reason: expect.stringContaining("invalid_idempotent_request"),
    });
  });

  it("is rate limited twice, then accepts (ratelimit2@)", async () => {
    const message = email("ratelimit2@example.com");
    expect(await resend.send(message)).toMatchObject({ ok: false, kind: "transient", retryAfterMs: 1000 });
    expect(await resend.send(message)).toMatchObject({ ok: false, kind: "transient" });
    expect(await resend.send(message)).toMatchObject({ ok: true });
  });

  it("is down (5xx) once, a transient failure, then accepts (down1@)", async () => {
    const message = email("down1@example.com");
    expect(await resend.send(message)).toMatchObject({
      ok: false,
      kind: "transient",
      reason: expect.stringContaining("unavailable"),
    });
    expect(await resend.send(message)).toMatchObject({ ok: true });
  });

  it("refuses an invalid address for good (422 validation_error) and a wrong key", async () => {
    expect(await resend.send(email("not-an-address"))).toMatchObject({ ok: false, kind: "permanent" });
    const wrongKey = resendChannel({
      baseUrl: messageSimulatorUrl(stack.url, "resend"),
      apiKey: "re_wrong",
      webhookSecret: undefined,
      from: "a@b.test",
    });
    expect(await wrongKey.send(email("ada@example.com"))).toMatchObject({
      ok: false,
      kind: "permanent",
      reason: expect.stringContaining("invalid_api_key"),
    });
  });
});

describe("the Twilio adapter against the simulator", () => {
  it("sends an SMS the simulator stores as queued, then moves to delivered", async () => {
    const message = sms("+447700900123");
    const outcome = await twilio.send(message);
    expect(outcome).toMatchObject({ ok: true, provider: "twilio" });
    const sid = outcome.ok ? outcome.providerMessageId : "";
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    await expect
      .poll(async () => (await simSms(stack.url, secret())).find((m) => m.sid === sid)?.status, { timeout: 15_000 })
      .toBe("delivered");
  });

  it("maps Twilio's test numbers: invalid (21211), opted out (21610), not mobile (21614)", async () => {
    expect(await twilio.send(sms("+15005550001"))).toEqual({
      ok: false,
      provider: "twilio",
      kind: "permanent",
      reason: "Invalid phone number (Twilio 21211)",
    });
    expect(await twilio.send(sms("+15005550004"))).toMatchObject({ kind: "permanent", optedOut: true });
    expect(await twilio.send(sms("+15005550009"))).toMatchObject({ reason: "Not a mobile number (Twilio 21614)" });
  });

  it("is rate limited twice (20429), then accepts; down (503) is transient", async () => {
    const message = sms("+15005554292");
    expect(await twilio.send(message)).toMatchObject({ ok: false, kind: "transient", retryAfterMs: 1000 });
    expect(await twilio.send(message)).toMatchObject({ ok: false, kind: "transient" });
    expect(await twilio.send(message)).toMatchObject({ ok: true });
    expect(await twilio.send(sms("+15005555031"))).toMatchObject({
      ok: false,
      kind: "transient",
      reason: "Twilio is unavailable (HTTP 503)",
    });
  });

  it("findSent finds a message whose answer was lost, and is sure when none was sent", async () => {
    const since = Date.now();
    const message = sms("+447700900456");
    const sent = await twilio.send(message);
    // The scheduler crashed before storing the answer: all it has is the message and when it started.
    expect(await twilio.findSent?.(message, since)).toBe(sent.ok ? sent.providerMessageId : "missing");
    expect(await twilio.findSent?.({ ...message, text: "never sent" }, since)).toBeNull();
    expect(await twilio.findSent?.(sms("+447700900999"), since)).toBeNull();
  });

  it("refuses wrong credentials for good (20003)", async () => {
    const wrong = twilioChannel({
      baseUrl: messageSimulatorUrl(stack.url, "twilio"),
      accountSid: `AC${"0".repeat(32)}`,
      authToken: "wrong-token",
      from: SIM_TWILIO_FROM,
    });
    expect(await wrong.send(sms("+447700900123"))).toMatchObject({
      kind: "permanent",
      reason: expect.stringContaining("Twilio 20003"),
    });
  });
});
