// Delivery webhooks and consent, end to end: real sqld + partykit dev, the message
// simulator posting Svix-signed (Resend) and X-Twilio-Signature-signed (Twilio) webhooks to
// the app, and the app's message log and opt-outs read back from libSQL. Forged, replayed,
// late and unknown webhooks are posted by hand, signed (or not) as the vendors sign.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOptedOut } from "../../db/queries/messages";
import { message, messageOptOut } from "../../db/schema";
import type { MessageChannel, OutgoingMessage } from "../../party/messages/channel";
import {
  messageSimulatorUrl,
  SIM_TWILIO_FROM,
  type SimCredentials,
  simCredentials,
} from "../../party/messages/connections";
import { resendChannel } from "../../party/messages/resend/channel";
import { twilioChannel } from "../../party/messages/twilio/channel";
import { twilioSignature } from "../../party/messages/twilio/signature";
import { sealUnsubscribe } from "../../party/messages/unsubscribe-token";
import { simInboundSms } from "../../party/messagesim/inspect";
import { signSvix } from "../../party/webhooks/svix";
import { addProperty, PROPERTY } from "./desk-helpers";
import { startTestStack, type TestStack } from "../support/stack";

const OTHER_PROPERTY = "prop-other";
let stack: TestStack;
let sim: SimCredentials;
let resend: MessageChannel;
let twilio: MessageChannel;
let n = 0;
const unique = () => `${Date.now()}-${n++}`;

beforeAll(async () => {
  // Long enough for the test to store the message row before the first webhook arrives.
  stack = await startTestStack({ SIM_MESSAGE_LATENCY_MS: "1", SIM_MESSAGE_WEBHOOK_DELAY_MS: "1500" });
  sim = await simCredentials(stack.vars.INTERNAL_SECRET ?? "");
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
  await addProperty(stack.db, OTHER_PROPERTY);
});
afterAll(async () => stack?.stop());

/** Hands a message to the simulator and logs it as the scheduler would: `sent`, with the provider's id. */
async function sendAndLog(
  channel: MessageChannel,
  to: string,
  propertyId = PROPERTY,
): Promise<{ rowId: string; providerMessageId: string }> {
  const id = unique();
  const outgoing: OutgoingMessage = {
    idempotencyKey: `test-${id}`,
    to,
    subject: `Subject ${id}`,
    text: `Body ${id}`,
    statusCallbackUrl: `${stack.url}/api/webhooks/twilio/status`,
  };
  const outcome = await channel.send(outgoing);
  if (!outcome.ok) throw new Error(`send failed: ${outcome.reason}`);
  const now = Date.now();
  const rowId = `msg-${id}`;
  await stack.db.insert(message).values({
    id: rowId,
    propertyId,
    kind: "test",
    channel: channel.channel,
    idempotencyKey: outgoing.idempotencyKey,
    recipient: to,
    language: "en",
    subject: outgoing.subject ?? null,
    bodyText: outgoing.text,
    status: "sent",
    sendAt: now,
    attempts: 1,
    provider: channel.provider,
    providerMessageId: outcome.providerMessageId,
    createdAt: now,
    updatedAt: now,
  });
  return { rowId, providerMessageId: outcome.providerMessageId };
}

async function row(id: string) {
  const [r] = await stack.db
    .select({ status: message.status, detail: message.statusDetail, updatedAt: message.updatedAt })
    .from(message)
    .where(eq(message.id, id));
  return r;
}

async function postResend(event: object, options: { secret?: string; atSeconds?: number } = {}) {
  const body = JSON.stringify(event);
  const headers = await signSvix(
    options.secret ?? sim.resendWebhookSecret,
    `msg_${unique()}`,
    options.atSeconds ?? Math.floor(Date.now() / 1000),
    body,
  );
  return fetch(`${stack.url}/api/webhooks/resend`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

const resendEvent = (type: string, emailId: string, extra: object = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, created_at: new Date().toISOString(), to: ["x@example.com"], ...extra },
});

describe("Resend webhooks", () => {
  it("a delivered email shows as delivered; a bounce and a later complaint show in plain words", async () => {
    const ok = await sendAndLog(resend, "ada@example.com");
    const bounced = await sendAndLog(resend, "bounce@example.com");
    const complained = await sendAndLog(resend, "complained@resend.dev");
    await expect.poll(async () => (await row(ok.rowId))?.status, { timeout: 20_000 }).toBe("delivered");
    await expect
      .poll(async () => await row(complained.rowId), { timeout: 20_000 })
      .toMatchObject({
        status: "delivered",
        detail: "Delivered; the recipient marked it as spam (complaint)",
      });
    await expect
      .poll(async () => await row(bounced.rowId), { timeout: 20_000 })
      .toMatchObject({
        status: "bounced",
        detail: "Mailbox does not exist (bounce)",
      });
  });

  it("delivered after bounced changes nothing; a replayed bounce changes nothing", async () => {
    const { rowId, providerMessageId } = await sendAndLog(resend, "bounce+order@example.com");
    await expect.poll(async () => (await row(rowId))?.status, { timeout: 20_000 }).toBe("bounced");
    const before = await row(rowId);
    const late = await postResend(resendEvent("email.delivered", providerMessageId));
    expect(late.status).toBe(200);
    expect(await late.json()).toEqual({ applied: false });
    const bounce = { bounce: { type: "Permanent", subType: "General", message: "x" } };
    const replay = await postResend(resendEvent("email.bounced", providerMessageId, bounce));
    expect(await replay.json()).toEqual({ applied: false });
    expect(await row(rowId)).toEqual(before);
  });

  it("refuses forged and stale signatures without a change, and acknowledges unknown ids", async () => {
    const { rowId, providerMessageId } = await sendAndLog(resend, "slow-reader@example.com");
    await expect.poll(async () => (await row(rowId))?.status, { timeout: 20_000 }).toBe("delivered");
    const before = await row(rowId);
    const bounce = resendEvent("email.bounced", providerMessageId, {
      bounce: { type: "Permanent", subType: "General" },
    });
    const forged = await postResend(bounce, { secret: `whsec_${btoa("not the endpoint's secret")}` });
    expect(forged.status).toBe(401);
    const stale = await postResend(bounce, { atSeconds: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`${stack.url}/api/webhooks/resend`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(bounce),
    });
    expect(unsigned.status).toBe(401);
    expect(await row(rowId)).toEqual(before);
    const unknown = await postResend(resendEvent("email.bounced", "00000000-0000-4000-8000-000000000000"));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ applied: false });
  });
});

async function postTwilio(path: string, fields: [string, string][], token = sim.twilioAuthToken) {
  const url = `${stack.url}${path}`;
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": await twilioSignature(token, url, fields),
    },
    body: new URLSearchParams(fields),
  });
}

describe("Twilio status callbacks", () => {
  it("delivered shows as delivered; an unreachable handset as bounced with Twilio's code in words", async () => {
    const ok = await sendAndLog(twilio, "+447700900777");
    const unreachable = await sendAndLog(twilio, "+15005553003");
    await expect.poll(async () => (await row(ok.rowId))?.status, { timeout: 20_000 }).toBe("delivered");
    await expect
      .poll(async () => await row(unreachable.rowId), { timeout: 20_000 })
      .toMatchObject({
        status: "bounced",
        detail: "Unreachable handset (switched off or out of coverage) (Twilio 30003)",
      });
  });

  it("refuses a forged signature and a non-form body; ignores unknown sids and late `delivered`", async () => {
    const { rowId, providerMessageId } = await sendAndLog(twilio, "+15005553005");
    await expect.poll(async () => (await row(rowId))?.status, { timeout: 20_000 }).toBe("bounced");
    const before = await row(rowId);
    const delivered: [string, string][] = [
      ["AccountSid", sim.twilioAccountSid],
      ["MessageSid", providerMessageId],
      ["MessageStatus", "delivered"],
    ];
    const forged = await postTwilio("/api/webhooks/twilio/status", delivered, "not-the-auth-token");
    expect(forged.status).toBe(403);
    const json = await fetch(`${stack.url}/api/webhooks/twilio/status`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(Object.fromEntries(delivered)),
    });
    expect(json.status).toBe(415);
    const late = await postTwilio("/api/webhooks/twilio/status", delivered);
    expect(await late.json()).toEqual({ applied: false });
    expect(await row(rowId)).toEqual(before);
    const unknown = await postTwilio("/api/webhooks/twilio/status", [
      ["AccountSid", sim.twilioAccountSid],
      ["MessageSid", `SM${"0".repeat(32)}`],
      ["MessageStatus", "failed"],
      ["ErrorCode", "30008"],
    ]);
    expect(await unknown.json()).toEqual({ applied: false });
  });
});

describe("STOP and START", () => {
  it("STOP opts the number out of every property that messaged it, at once; START opts it back in", async () => {
    const phone = "+447700900888";
    await sendAndLog(twilio, phone, PROPERTY);
    await sendAndLog(twilio, phone, OTHER_PROPERTY);
    const secret = stack.vars.INTERNAL_SECRET ?? "";
    await simInboundSms(stack.url, secret, phone, "Stop");
    await expect.poll(() => isOptedOut(stack.db, PROPERTY, "sms", phone), { timeout: 15_000 }).toBe(true);
    expect(await isOptedOut(stack.db, OTHER_PROPERTY, "sms", phone)).toBe(true);
    // Twilio itself now refuses the number, and the adapter says it opted out.
    expect(await twilio.send({ idempotencyKey: unique(), to: phone, text: "after stop" })).toMatchObject({
      ok: false,
      optedOut: true,
    });

    await simInboundSms(stack.url, secret, phone, "START");
    await expect.poll(() => isOptedOut(stack.db, PROPERTY, "sms", phone), { timeout: 15_000 }).toBe(false);
    expect(await isOptedOut(stack.db, OTHER_PROPERTY, "sms", phone)).toBe(false);
    expect(await twilio.send({ idempotencyKey: unique(), to: phone, text: "after start" })).toMatchObject({ ok: true });
  });

  it("a forged STOP changes nothing", async () => {
    const phone = "+447700900889";
    await sendAndLog(twilio, phone);
    const res = await postTwilio(
      "/api/webhooks/twilio/inbound",
      [
        ["AccountSid", sim.twilioAccountSid],
        ["From", phone],
        ["Body", "STOP"],
      ],
      "forged-token",
    );
    expect(res.status).toBe(403);
    expect(await isOptedOut(stack.db, PROPERTY, "sms", phone)).toBe(false);
  });
});

describe("the unsubscribe link", () => {
  const token = (address: string, propertyId = PROPERTY) =>
    sealUnsubscribe(stack.vars.SESSION_SECRET ?? "", { propertyId, channel: "email", address });

  it("GET shows a confirm page and changes nothing; the one-click POST records the opt-out for that property only", async () => {
    const address = `guest-${unique()}@example.com`;
    const url = `${stack.url}/unsubscribe/${await token(address)}`;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<button");
    expect(html).not.toContain(address);
    expect(await isOptedOut(stack.db, PROPERTY, "email", address)).toBe(false);

    const oneClick = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await isOptedOut(stack.db, PROPERTY, "email", address)).toBe(true);
    expect(await isOptedOut(stack.db, OTHER_PROPERTY, "email", address)).toBe(false);
    const again = await fetch(url, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(again.status).toBe(200);
    const rows = await stack.db
      .select()
      .from(messageOptOut)
      .where(and(eq(messageOptOut.propertyId, PROPERTY), eq(messageOptOut.address, address)));
    expect(rows).toMatchObject([{ source: "unsubscribe-link", channel: "email" }]);
  });

  it("a changed token is refused with a page that says so, and records nothing", async () => {
    const address = `guest-${unique()}@example.com`;
    const t = await token(address);
    const forged = `${t.slice(0, -2)}${t.endsWith("AA") ? "BB" : "AA"}`;
    const res = await fetch(`${stack.url}/unsubscribe/${forged}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("This unsubscribe link does not work");
    expect(await isOptedOut(stack.db, PROPERTY, "email", address)).toBe(false);
  });
});
