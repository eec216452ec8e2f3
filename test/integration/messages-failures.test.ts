// What the desk sees when a provider says no, end to end: real sqld + partykit dev, the
// Resend and Twilio adapters against the local simulator (party/messagesim), which answers
// by recipient as the vendors document (triggers.ts). A bounced email and an invalid number
// show on the Outbox with plain reasons; a provider refusing twice is retried by the jobs
// room's own alarm (nothing pokes it again) and the message goes exactly once.
// The property sits in a zone where it is daytime now, so invitations by SMS are not held
// for quiet hours.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "../../db/seed";
import { message, reservation, room } from "../../db/schema";
import { localHour } from "../../domain/messages/local-time";
import { internalHeaders } from "../../party/internal-auth";
import { simEmails, simSms } from "../../party/messagesim/inspect";
import { type OutboxMessage, outboxResponse } from "../../shared/messages-protocol";
import { startTestStack, type TestStack } from "../support/stack";
import { addProperty, addStaff, desk, signIn } from "./desk-helpers";

const INTERNAL = "messages-failures-internal-secret-0123456789";
const DAY_PROPERTY = "prop-daytime";
/** Twilio's test number for "invalid phone number" (21211); `bounce…@` bounces; see triggers.ts. */
const INVALID_NUMBER = "+15005550001";
const BOUNCING = "bounce.guest@example.com";
/** 429 (Retry-After: 1) twice, then accepted; 503 twice, then accepted. */
const RATE_LIMITED_TWICE = "ratelimit2@example.com";
const DOWN_TWICE = "+15005555032";

const ZONES = [
  "Pacific/Kiritimati",
  "Pacific/Auckland",
  "Australia/Sydney",
  "Asia/Tokyo",
  "Asia/Bangkok",
  "Asia/Kolkata",
  "Asia/Dubai",
  "Europe/Moscow",
  "Europe/Berlin",
  "Europe/London",
  "America/Sao_Paulo",
  "America/New_York",
  "America/Los_Angeles",
  "Pacific/Honolulu",
];
// 09:00–18:59 local: no quiet hours now nor during the few minutes the retries take.
const zone = ZONES.find((z) => {
  const h = localHour(Date.now(), z);
  return h >= 9 && h < 19;
})!;

let stack: TestStack;
let dayStaff: string;
let harbourAdmin: string;

beforeAll(async () => {
  stack = await startTestStack(
    { SIM_MESSAGE_LATENCY_MS: "1-10", SIM_MESSAGE_WEBHOOK_DELAY_MS: "50-200" },
    { internalSecret: INTERNAL },
  );
  await addProperty(stack.db, DAY_PROPERTY, zone);
  await stack.db.insert(room).values({
    id: "room-day",
    propertyId: DAY_PROPERTY,
    name: "Day",
    frontDoorLockId: "lock-front-door",
    roomLockId: "lock-room-101",
  });
  await addStaff(stack.db, {
    id: "staff-day",
    email: "day@frontdoor.test",
    role: "manager",
    propertyId: DAY_PROPERTY,
    password: "a-long-daytime-password-1",
  });
  dayStaff = await signIn(stack.url, "day@frontdoor.test", "a-long-daytime-password-1");
  harbourAdmin = await signIn(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

async function insertBooking(id: string, email: string, phone: string) {
  const arrival = addDays(todayIn(zone), 2);
  await stack.db.insert(reservation).values({
    id,
    bookingRef: id.toUpperCase().replace(/-/g, ""),
    propertyId: DAY_PROPERTY,
    roomId: "room-day",
    status: "confirmed",
    checkInDate: arrival,
    checkOutDate: addDays(arrival, 1),
    expectedGuestName: "Ada Lovelace",
    expectedGuestEmail: email,
    expectedGuestPhone: phone,
    createdAt: Date.now(),
  });
}

/** What a booking added through the desk or the API does: one poke of the property's messages job. */
async function pokeMessages() {
  const res = await fetch(`${stack.url}/parties/jobs/${DAY_PROPERTY}`, {
    method: "POST",
    headers: internalHeaders(INTERNAL),
    body: JSON.stringify({ propertyId: DAY_PROPERTY, job: "messages" }),
  });
  expect(res.status).toBe(200);
}

async function outboxOf(cookie: string, ref: string): Promise<OutboxMessage[]> {
  const res = await desk(stack.url, "/outbox", cookie);
  expect(res.status).toBe(200);
  return outboxResponse.parse(res.body).messages.filter((m) => m.bookingRef === ref);
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const byChannel = (messages: OutboxMessage[], channel: "email" | "sms") => messages.find((m) => m.channel === channel);
const went = (status: string | undefined) => status === "sent" || status === "delivered";

describe("provider refusals on the desk", () => {
  it("shows a bounced email as bounced and an invalid number as failed, each with a plain reason", async () => {
    await insertBooking("res-bounce", BOUNCING, INVALID_NUMBER);
    await pokeMessages();
    const shown = await until(
      () => outboxOf(dayStaff, "RESBOUNCE"),
      (m) => byChannel(m, "email")?.status === "bounced" && byChannel(m, "sms")?.status === "failed",
      60_000,
    );
    const email = byChannel(shown, "email");
    const sms = byChannel(shown, "sms");
    expect(email).toMatchObject({
      kind: "invitation",
      recipient: BOUNCING,
      status: "bounced",
      statusDetail: "Mailbox does not exist (bounce)",
      attempts: 1,
    });
    // A permanent refusal is not retried, and Twilio's message (which quotes the number) is not kept.
    expect(sms).toMatchObject({
      kind: "invitation",
      recipient: INVALID_NUMBER,
      status: "failed",
      statusDetail: "Invalid phone number (Twilio 21211)",
      attempts: 1,
    });
    // The email went to Resend (which then bounced it); Twilio stored nothing for the refused number.
    expect((await simEmails(stack.url, INTERNAL)).filter((e) => e.to.includes(BOUNCING))).toHaveLength(1);
    expect((await simSms(stack.url, INTERNAL)).filter((s) => s.to === INVALID_NUMBER)).toEqual([]);
    // Another property's staff see none of it.
    expect(await outboxOf(harbourAdmin, "RESBOUNCE")).toEqual([]);
  });
});

describe("a provider failing twice, then answering", () => {
  it("is retried by the jobs room's alarm with backoff and delivers each message once", async () => {
    await insertBooking("res-flaky", RATE_LIMITED_TWICE, DOWN_TWICE);
    await pokeMessages();
    // Every state the desk shows on the way, as (channel, status, attempts, detail).
    const seen = new Set<string>();
    const rows = await until(
      async () => {
        const messages = await outboxOf(dayStaff, "RESFLAKY");
        for (const m of messages) seen.add(`${m.channel} ${m.status} ${m.attempts} ${m.statusDetail ?? ""}`);
        return messages;
      },
      (m) => m.length === 2 && m.every((x) => went(x.status)),
      // Backoff: 30 s then 60 s, each ±25 %; under load the alarm may come a little late.
      200_000,
    );
    expect(rows.map((m) => [m.channel, went(m.status), m.attempts]).sort()).toEqual([
      ["email", true, 3],
      ["sms", true, 3],
    ]);
    // While it waited, the desk said why and that it would retry.
    expect(seen).toContain(
      "email scheduled 1 Attempt 1 failed, will retry: Resend rate limit reached (rate_limit_exceeded)",
    );
    expect(seen).toContain(
      "email scheduled 2 Attempt 2 failed, will retry: Resend rate limit reached (rate_limit_exceeded)",
    );
    expect(seen).toContain("sms scheduled 1 Attempt 1 failed, will retry: Twilio is unavailable (HTTP 503)");
    expect(seen).toContain("sms scheduled 2 Attempt 2 failed, will retry: Twilio is unavailable (HTTP 503)");
    for (const m of rows) expect(m.statusDetail).toBeNull();
    // Exactly once at the providers, and once in the log.
    expect((await simEmails(stack.url, INTERNAL)).filter((e) => e.to.includes(RATE_LIMITED_TWICE))).toHaveLength(1);
    expect((await simSms(stack.url, INTERNAL)).filter((s) => s.to === DOWN_TWICE)).toHaveLength(1);
    const logged = await stack.db.select().from(message).where(eq(message.reservationId, "res-flaky"));
    expect(logged).toHaveLength(2);
    // The second retry waited longer than the first: the row's last attempt came well after its first.
    for (const m of logged) expect(m.updatedAt - m.createdAt).toBeGreaterThan(60_000);
  }, 260_000);
});
