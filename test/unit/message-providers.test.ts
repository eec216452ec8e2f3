// The Resend and Twilio adapters against request/response examples from the vendors'
// documentation (test/fixtures/message-provider-docs.ts): fetch is the outside edge, so it
// alone is replaced, by a recorder that answers with the documented bodies.
import { afterEach, describe, expect, it, vi } from "vitest";
import { runtimeEnvSchema } from "../../party/env";
import type { OutgoingMessage } from "../../party/messages/channel";
import { messageChannels } from "../../party/messages/channels";
import { resendChannel } from "../../party/messages/resend/channel";
import { resendDeliveryReport } from "../../party/messages/resend/webhook";
import { resendWebhookEvent } from "../../party/messages/resend/wire";
import { twilioChannel } from "../../party/messages/twilio/channel";
import { inboundIntent } from "../../party/messages/twilio/inbound";
import { twilioSignature, verifyTwilioSignature } from "../../party/messages/twilio/signature";
import { twilioDeliveryReport } from "../../party/messages/twilio/status";
import { openUnsubscribe, sealUnsubscribe } from "../../party/messages/unsubscribe-token";
import { emailFate, emailRefusals, smsDeliveryError, smsRefusals } from "../../party/messagesim/triggers";
import {
  resendBouncedEvent,
  resendDeliveredEvent,
  resendInternalError,
  resendInvalidFromError,
  resendRateLimitError,
  resendSendResponse,
  resendValidationError,
  twilioInvalidToError,
  twilioMessageCreated,
  twilioSignatureExample,
  twilioTooManyRequests,
  twilioUndeliveredCallback,
  twilioUnsubscribedError,
} from "../fixtures/message-provider-docs";

interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> } | "network-error";

function answerWith(...answers: Answer[]) {
  const calls: Recorded[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method ?? "GET",
      headers: init.headers as Record<string, string>,
      body: init.body === undefined ? "" : String(init.body),
    });
    const next = answers.shift() ?? { status: 500, body: {} };
    if (next === "network-error") throw new TypeError("fetch failed");
    return new Response(JSON.stringify(next.body), {
      status: next.status,
      headers: { "content-type": "application/json", ...next.headers },
    });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const email: OutgoingMessage = {
  idempotencyKey: "res_1:invitation:email",
  to: "ada@example.com",
  subject: "Check in online for Harbour House",
  text: "Check in: https://frontdoor.test/checkin/abc",
  html: "<p>Check in</p>",
  unsubscribeUrl: "https://frontdoor.test/unsubscribe/tok",
};
const resend = resendChannel({
  baseUrl: "https://api.resend.com",
  apiKey: "re_123",
  webhookSecret: undefined,
  from: "Harbour House <stay@harbour.test>",
});

describe("Resend adapter", () => {
  it("posts /emails with the key, the idempotency key and RFC 8058 one-click headers", async () => {
    const calls = answerWith({ status: 200, body: resendSendResponse });
    expect(await resend.send(email)).toEqual({
      ok: true,
      provider: "resend",
      providerMessageId: resendSendResponse.id,
    });
    const [call] = calls;
    expect(call?.url).toBe("https://api.resend.com/emails");
    expect(call?.method).toBe("POST");
    expect(call?.headers).toMatchObject({ authorization: "Bearer re_123", "idempotency-key": email.idempotencyKey });
    expect(JSON.parse(call?.body ?? "")).toEqual({
      from: "Harbour House <stay@harbour.test>",
      to: ["ada@example.com"],
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: {
        "List-Unsubscribe": "<https://frontdoor.test/unsubscribe/tok>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
  });

  it("maps Resend's documented errors: 422 never retried, 429 and 5xx retried, without quoting the request", async () => {
    answerWith(
      { status: 422, body: resendValidationError },
      { status: 422, body: resendInvalidFromError },
      { status: 429, body: resendRateLimitError, headers: { "retry-after": "2" } },
      { status: 500, body: resendInternalError },
      "network-error",
    );
    const invalid = await resend.send(email);
    expect(invalid).toMatchObject({ ok: false, kind: "permanent" });
    expect(JSON.stringify(invalid)).not.toContain("ada@");
    expect(await resend.send(email)).toMatchObject({
      kind: "permanent",
      reason: expect.stringContaining("EMAIL_FROM"),
    });
    expect(await resend.send(email)).toMatchObject({ kind: "transient", retryAfterMs: 2000 });
    expect(await resend.send(email)).toMatchObject({
      kind: "transient",
      reason: expect.stringContaining("unavailable"),
    });
    expect(await resend.send(email)).toMatchObject({ kind: "transient", reason: "Resend could not be reached" });
  });

  it("reads delivered and bounced webhooks into reports in plain words, and ignores the rest", () => {
    const bounced = resendDeliveryReport(resendWebhookEvent.parse(resendBouncedEvent));
    expect(bounced).toEqual({
      provider: "resend",
      providerMessageId: resendBouncedEvent.data.email_id,
      status: "bounced",
      detail: "Address on Resend's suppression list after earlier bounces (bounce)",
      at: Date.parse(resendBouncedEvent.created_at),
    });
    const general = {
      ...resendBouncedEvent,
      data: { ...resendBouncedEvent.data, bounce: { type: "Permanent", subType: "General" } },
    };
    expect(resendDeliveryReport(resendWebhookEvent.parse(general))?.detail).toBe("Mailbox does not exist (bounce)");
    expect(resendDeliveryReport(resendWebhookEvent.parse(resendDeliveredEvent))?.status).toBe("delivered");
    expect(resendDeliveryReport(resendWebhookEvent.parse({ ...resendDeliveredEvent, type: "email.sent" }))).toBeNull();
  });
});

const sms: OutgoingMessage = {
  idempotencyKey: "res_1:door-code:sms",
  to: "+14155552345",
  text: "Hi there",
  statusCallbackUrl: "https://frontdoor.test/api/webhooks/twilio/status",
};
const connection = {
  baseUrl: "https://api.twilio.com",
  accountSid: "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
  authToken: "token-123",
  from: "+14155552346",
};
const twilio = twilioChannel(connection);
const messagesUrl = "https://api.twilio.com/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Messages.json";

describe("Twilio adapter", () => {
  it("posts the form to Messages.json with basic auth and the status callback", async () => {
    const calls = answerWith({ status: 201, body: twilioMessageCreated });
    expect(await twilio.send(sms)).toEqual({
      ok: true,
      provider: "twilio",
      providerMessageId: twilioMessageCreated.sid,
    });
    const [call] = calls;
    expect(call?.url).toBe(messagesUrl);
    expect(call?.headers.authorization).toBe(`Basic ${btoa(`${connection.accountSid}:token-123`)}`);
    expect(call?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(call?.body))).toEqual({
      To: sms.to,
      From: "+14155552346",
      Body: "Hi there",
      StatusCallback: sms.statusCallbackUrl,
    });
  });

  it("sends through a Messaging Service instead of a From number when one is set", async () => {
    const calls = answerWith({ status: 201, body: twilioMessageCreated });
    await twilioChannel({ ...connection, messagingServiceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }).send(sms);
    const fields = new URLSearchParams(calls[0]?.body);
    expect(fields.get("MessagingServiceSid")).toBe("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    expect(fields.has("From")).toBe(false);
  });

  it("maps Twilio's documented errors without the number", async () => {
    answerWith(
      { status: 400, body: twilioInvalidToError },
      { status: 400, body: twilioUnsubscribedError },
      { status: 429, body: twilioTooManyRequests },
      { status: 503, body: { code: 20503, message: "Service Unavailable", status: 503 } },
    );
    const invalid = await twilio.send(sms);
    expect(invalid).toEqual({
      ok: false,
      provider: "twilio",
      kind: "permanent",
      reason: "Invalid phone number (Twilio 21211)",
    });
    expect(await twilio.send(sms)).toMatchObject({ kind: "permanent", optedOut: true });
    expect(await twilio.send(sms)).toMatchObject({
      kind: "transient",
      reason: "Twilio rate limit reached (Twilio 20429)",
    });
    expect(await twilio.send(sms)).toMatchObject({ kind: "transient", reason: "Twilio is unavailable (HTTP 503)" });
  });

  it("findSent: the newest message to the number with this exact body, or null once the list is older", async () => {
    const since = Date.parse("Thu, 24 Aug 2023 05:00:00 +0000");
    const other = { ...twilioMessageCreated, sid: "SMother", body: "Another text" };
    const calls = answerWith(
      { status: 200, body: { messages: [other, twilioMessageCreated], next_page_uri: null } },
      {
        status: 200,
        body: {
          messages: [{ ...other, date_created: "Wed, 23 Aug 2023 05:00:00 +0000" }],
          next_page_uri: null,
        },
      },
      { status: 500, body: {} },
    );
    expect(await twilio.findSent?.(sms, since)).toBe(twilioMessageCreated.sid);
    expect(new URL(calls[0]?.url ?? "").searchParams.get("To")).toBe(sms.to);
    expect(calls[0]?.method).toBe("GET");
    expect(await twilio.findSent?.(sms, since)).toBeNull();
    expect(await twilio.findSent?.(sms, since)).toBeUndefined();
  });

  it("follows next_page_uri while the pages are newer than the send", async () => {
    const since = Date.parse("Thu, 24 Aug 2023 05:00:00 +0000");
    const other = { ...twilioMessageCreated, sid: "SMother", body: "Another text" };
    const calls = answerWith(
      { status: 200, body: { messages: [other], next_page_uri: "/2010-04-01/Accounts/AC/Messages.json?Page=1" } },
      { status: 200, body: { messages: [twilioMessageCreated], next_page_uri: null } },
    );
    expect(await twilio.findSent?.(sms, since)).toBe(twilioMessageCreated.sid);
    expect(calls[1]?.url).toBe("https://api.twilio.com/2010-04-01/Accounts/AC/Messages.json?Page=1");
  });

  it("checks X-Twilio-Signature as Twilio's own example computes it", async () => {
    const { authToken, url, fields, signature } = twilioSignatureExample;
    const entries = Object.entries(fields);
    expect(await twilioSignature(authToken, url, entries)).toBe(signature);
    expect(await verifyTwilioSignature(authToken, url, entries, signature)).toBe(true);
    const forged = entries.map(([k, v]): [string, string] => [k, k === "Digits" ? "9999" : v]);
    expect(await verifyTwilioSignature(authToken, url, forged, signature)).toBe(false);
    expect(await verifyTwilioSignature("other", url, entries, signature)).toBe(false);
    expect(await verifyTwilioSignature(authToken, url, entries, null)).toBe(false);
  });

  it("reads status callbacks: undelivered with its error code in words, sent ignored", () => {
    const report = twilioDeliveryReport(new URLSearchParams(twilioUndeliveredCallback), 1_000);
    expect(report).toEqual({
      provider: "twilio",
      providerMessageId: "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      status: "bounced",
      detail: "Unreachable handset (switched off or out of coverage) (Twilio 30003)",
      at: 1_000,
    });
    const sent = new URLSearchParams(twilioUndeliveredCallback);
    sent.set("MessageStatus", "sent");
    expect(twilioDeliveryReport(sent, 1_000)).toBeNull();
  });

  it("reads STOP and START as Twilio's default opt-out keywords do; OptOutType wins", () => {
    for (const word of ["STOP", "stop ", "Stop.", "STOPALL", "unsubscribe", "Cancel", "END", "quit"]) {
      expect(inboundIntent(word, null)).toBe("stop");
    }
    for (const word of ["START", "yes", "Unstop"]) expect(inboundIntent(word, null)).toBe("start");
    expect(inboundIntent("please stop texting me at night", null)).toBeNull();
    expect(inboundIntent("Arrêt", "STOP")).toBe("stop");
    expect(inboundIntent("STOP", "START")).toBe("start");
  });
});

describe("unsubscribe tokens", () => {
  const secret = "a-secret-of-at-least-16";
  const target = { propertyId: "prop_1", channel: "email" as const, address: "Ada@Example.com" };

  it("open to what they were sealed with, and do not show the address", async () => {
    const token = await sealUnsubscribe(secret, target);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.toLowerCase()).not.toContain("ada");
    expect(await openUnsubscribe(secret, token)).toEqual(target);
  });

  it("refuse a token changed by one character, sealed under another secret, or not a token at all", async () => {
    const token = await sealUnsubscribe(secret, target);
    const i = Math.floor(token.length / 2);
    const tampered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    expect(await openUnsubscribe(secret, tampered)).toBeNull();
    expect(await openUnsubscribe("another-secret-16chars", token)).toBeNull();
    expect(await openUnsubscribe(secret, "not a token")).toBeNull();
    expect(await openUnsubscribe(secret, "")).toBeNull();
  });
});

describe("simulator triggers", () => {
  it("pick outcomes by recipient as the README documents", () => {
    expect(emailRefusals("ratelimit2+x@example.com")).toEqual({ status: 429, times: 2 });
    expect(emailRefusals("down3@example.com")).toEqual({ status: 503, times: 3 });
    expect(emailRefusals("ada@example.com")).toBeNull();
    expect(emailFate("bounced@resend.dev")).toBe("bounced");
    expect(emailFate("bounce+1@example.com")).toBe("bounced");
    expect(emailFate("complained@resend.dev")).toBe("complained");
    expect(emailFate("delivered@resend.dev")).toBe("delivered");
    expect(smsRefusals("+15005554292")).toEqual({ status: 429, times: 2 });
    expect(smsRefusals("+15005555031")).toEqual({ status: 503, times: 1 });
    expect(smsDeliveryError("+15005553003")).toBe(30003);
    expect(smsDeliveryError("+15005550006")).toBeUndefined();
  });
});

describe("messageChannels", () => {
  const base = {
    LIBSQL_URL: "http://127.0.0.1:8080",
    SELF_URL: "https://frontdoor.test",
    INTERNAL_SECRET: "internal-secret-0123456789",
    SESSION_SECRET: "session-secret-0123456789",
  };

  it("use the local simulator without accounts, and give each SMS this deployment's status callback", async () => {
    const calls = answerWith({ status: 201, body: twilioMessageCreated }, { status: 200, body: resendSendResponse });
    const channels = messageChannels(runtimeEnvSchema.parse(base));
    await channels.sms.send({ idempotencyKey: "k", to: "+447700900123", text: "Hi" });
    await channels.email.send(email);
    expect(calls[0]?.url).toMatch(
      /^https:\/\/frontdoor\.test\/parties\/messagesim\/twilio\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Messages\.json$/,
    );
    const fields = new URLSearchParams(calls[0]?.body);
    expect(fields.get("StatusCallback")).toBe("https://frontdoor.test/api/webhooks/twilio/status");
    expect(fields.get("From")).toBe("+15005550006");
    expect(calls[1]?.url).toBe("https://frontdoor.test/parties/messagesim/resend/emails");
  });

  it("use Resend and Twilio themselves when their credentials are set", async () => {
    const calls = answerWith({ status: 201, body: twilioMessageCreated }, { status: 200, body: resendSendResponse });
    const env = runtimeEnvSchema.parse({
      ...base,
      RESEND_API_KEY: "re_live",
      EMAIL_FROM: "Harbour House <stay@harbour.test>",
      TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "live-token",
      TWILIO_MESSAGING_SERVICE_SID: `MG${"2".repeat(32)}`,
    });
    const channels = messageChannels(env);
    await channels.sms.send({ idempotencyKey: "k", to: "+447700900123", text: "Hi" });
    await channels.email.send(email);
    expect(calls[0]?.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/AC${"1".repeat(32)}/Messages.json`);
    expect(new URLSearchParams(calls[0]?.body).get("MessagingServiceSid")).toBe(`MG${"2".repeat(32)}`);
    expect(calls[1]?.url).toBe("https://api.resend.com/emails");
    expect(calls[1]?.headers.authorization).toBe("Bearer re_live");
    expect(JSON.parse(calls[1]?.body ?? "").from).toBe("Harbour House <stay@harbour.test>");
  });
});
