// Guest messages end to end (real sqld + partykit dev, the Resend and Twilio adapters
// against the local message simulator): invitations for bookings made
// early and late, reminders only while the check-in is not done, a check-in in French
// yielding a French door-code message, SMS quiet hours, pokes racing, the jobs room's
// refusals, and the Outbox and resend scoped to the staff member's property.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { addDays, todayIn } from "../../db/seed";
import { guest, message, reservation, room } from "../../db/schema";
import { internalHeaders } from "../../party/internal-auth";
import { localHour } from "../../domain/messages/local-time";
import { outboxResponse } from "../../shared/messages-protocol";
import { startSession, walkToConfirm, waitForState } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { addProperty, addStaff, desk, PROPERTY, signIn } from "./desk-helpers";

const INTERNAL = "messages-test-internal-secret-0123456789";
let stack: TestStack;
let cookie: string;
const today = todayIn("Europe/London");

beforeAll(async () => {
  stack = await startTestStack({}, { internalSecret: INTERNAL });
  cookie = await signIn(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

/** Handed to the provider; the simulator's delivery webhook may already have said delivered. */
const went = (status: string) => status === "sent" || status === "delivered";
const outcome = (status: string) => (went(status) ? "sent" : status);

const messagesOf = (reservationId: string) =>
  stack.db
    .select()
    .from(message)
    .where(eq(message.reservationId, reservationId))
    .orderBy(message.kind, message.channel);

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function poke(propertyId = PROPERTY, job: string | undefined = "messages", secret = INTERNAL) {
  return fetch(`${stack.url}/parties/jobs/${propertyId}`, {
    method: "POST",
    headers: internalHeaders(secret),
    body: JSON.stringify({ propertyId, job }),
  });
}

async function insertBooking(id: string, checkInDate: string, over: Partial<typeof reservation.$inferInsert> = {}) {
  await stack.db.insert(reservation).values({
    id,
    bookingRef: id.toUpperCase(),
    propertyId: PROPERTY,
    roomId: "room-101",
    status: "confirmed",
    checkInDate,
    checkOutDate: addDays(checkInDate, 2),
    expectedGuestName: "Mary Somerville",
    expectedGuestEmail: `${id.toLowerCase()}@example.com`,
    expectedGuestPhone: "+447700900456",
    createdAt: Date.now() - 10 * 86_400_000,
    ...over,
  });
}

describe("the jobs room", () => {
  it("refuses pokes without the internal secret, for another room, or for a job it does not have", async () => {
    expect((await poke(PROPERTY, "messages", "not-the-secret-at-all")).status).toBe(403);
    expect((await poke(PROPERTY, "no-such-job")).status).toBe(404);
    const wrong = await fetch(`${stack.url}/parties/jobs/${PROPERTY}`, {
      method: "POST",
      headers: internalHeaders(INTERNAL),
      body: JSON.stringify({ propertyId: "another" }),
    });
    expect(wrong.status).toBe(400);
  });
});

describe("scheduling", () => {
  it("invites a booking made late at once, and not one made early until 3 days before", async () => {
    const late = await desk(stack.url, "/bookings", cookie, {
      method: "POST",
      body: {
        roomId: "room-102",
        checkInDate: addDays(today, 1),
        checkOutDate: addDays(today, 3),
        expectedGuestName: "Late Booker",
        expectedGuestEmail: "late@example.com",
        expectedGuestPhone: "07700 900321",
      },
    });
    expect(late.status).toBe(201);
    const early = await desk(stack.url, "/bookings", cookie, {
      method: "POST",
      body: {
        roomId: "room-103",
        checkInDate: addDays(today, 10),
        checkOutDate: addDays(today, 12),
        expectedGuestEmail: "early@example.com",
      },
    });
    expect(early.status).toBe(201);
    const lateId = (late.body as { reservationId: string }).reservationId;
    const earlyId = (early.body as { reservationId: string }).reservationId;
    const rows = await until(
      () => messagesOf(lateId),
      (r) => r.some((m) => m.channel === "email" && went(m.status)),
    );
    const email = rows.find((m) => m.channel === "email")!;
    expect(email).toMatchObject({ kind: "invitation", recipient: "late@example.com", language: "en" });
    expect(went(email.status)).toBe(true);
    expect(email.bodyText).toMatch(/\/checkin\/[A-Za-z0-9_-]{43}/);
    expect(email.bodyHtml).toContain('<html lang="en" dir="ltr">');
    // The SMS goes at once, or at 08:00 if the test runs in the property's quiet hours.
    const quiet = localHour(Date.now(), "Europe/London") >= 21 || localHour(Date.now(), "Europe/London") < 8;
    expect(rows.some((m) => m.channel === "sms")).toBe(!quiet);
    // No reminder: the invitation has only just gone.
    expect(rows.filter((m) => m.kind === "reminder")).toEqual([]);
    expect(await messagesOf(earlyId)).toEqual([]);
  });

  it("reminds a guest who has not checked in, not one who has, and sends the door code in the guest's language", async () => {
    // Arrives at the very start of tomorrow, so the reminder (24 h before) is due whatever the hour now.
    await insertBooking("res-msg-a", addDays(today, 1), { earlyCheckInTime: "00:00", expectedGuestPhone: null });
    await insertBooking("res-msg-b", today, { bookingRef: "MSGB01", expectedGuestPhone: null });
    const sessionId = await startSession(stack.url, "MSGB01", "Somerville");
    const client = await walkToConfirm(stack.url, sessionId);
    client.send({ type: "language", language: "fr" });
    await waitForState(client, (s) => s.pin.status === "ready" && s.language === "fr");
    client.send({ type: "confirm" });
    await client.nextOfType("completed");
    client.close();

    const b = await until(
      () => messagesOf("res-msg-b"),
      (r) => r.filter((m) => m.kind === "door-code" && went(m.status)).length === 2,
    );
    expect(b.map((m) => [m.kind, m.channel, m.language])).toEqual([
      ["door-code", "email", "fr"],
      ["door-code", "sms", "fr"],
    ]);
    const [doorEmail, doorSms] = b;
    // The guest's own details, not the booking's expected ones.
    expect(doorEmail!.recipient).toBe("grace@example.com");
    expect(doorSms!.recipient).toBe("+447700900123");
    expect(doorEmail!.subject).toContain("Votre code de porte");
    expect(doorSms!.bodyText).toContain("/stay/");
    expect(doorEmail!.bodyHtml).toContain('<html lang="fr" dir="ltr">');
    // Codes stay out of messages unless the property allows them.
    const [g] = await stack.db.select().from(guest).where(eq(guest.reservationId, "res-msg-b"));
    expect(doorSms!.bodyText).not.toContain(g!.frontDoorPin!);

    const a = await until(
      () => messagesOf("res-msg-a"),
      (r) => r.filter((m) => went(m.status)).length === 2,
    );
    expect(a.map((m) => [m.kind, m.channel, outcome(m.status)])).toEqual([
      ["invitation", "email", "sent"],
      ["reminder", "email", "sent"],
    ]);
  });

  it("holds SMS in the property's quiet hours and sends the email", async () => {
    // A zone where it is night now: 02:00 local is as quiet as it gets.
    const zones = [
      "Pacific/Kiritimati",
      "Pacific/Auckland",
      "Asia/Tokyo",
      "Asia/Kolkata",
      "Europe/Moscow",
      "Europe/London",
      "America/New_York",
      "America/Los_Angeles",
      "Pacific/Honolulu",
    ];
    const zone = zones.find((z) => {
      const h = localHour(Date.now(), z);
      return h >= 22 || h < 7;
    })!;
    await addProperty(stack.db, "prop-night", zone);
    await stack.db.insert(room).values({
      id: "room-night",
      propertyId: "prop-night",
      name: "Night",
      frontDoorLockId: "lock-front-door",
      roomLockId: "lock-room-101",
    });
    const night = todayIn(zone);
    await stack.db.insert(reservation).values({
      id: "res-night",
      bookingRef: "NIGHT1",
      propertyId: "prop-night",
      roomId: "room-night",
      status: "confirmed",
      checkInDate: addDays(night, 1),
      checkOutDate: addDays(night, 2),
      expectedGuestEmail: "night@example.com",
      expectedGuestPhone: "+447700900789",
      createdAt: Date.now(),
    });
    expect((await poke("prop-night")).status).toBe(200);
    const rows = await until(
      () => messagesOf("res-night"),
      (r) => r.some((m) => went(m.status)),
    );
    expect(rows.map((m) => [m.kind, m.channel, outcome(m.status)])).toEqual([["invitation", "email", "sent"]]);
  });

  it("racing pokes send each message once", async () => {
    await insertBooking("res-race", addDays(today, 2), { createdAt: Date.now(), expectedGuestPhone: null });
    await Promise.all([poke(), poke(), poke(), poke()]);
    const rows = await until(
      () => messagesOf("res-race"),
      (r) => r.some((m) => went(m.status)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 1 });
    expect(went(rows[0]!.status)).toBe(true);
  });
});

describe("the desk", () => {
  it("shows the Outbox newest first, resends audited, and keeps one property's messages from another's staff", async () => {
    const page = await desk(stack.url, "/outbox", cookie);
    expect(page.status).toBe(200);
    const outbox = outboxResponse.parse(page.body);
    expect(outbox.messages.length).toBeGreaterThan(0);
    const times = outbox.messages.map((m) => m.createdAt);
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(outbox.messages.some((m) => m.kind === "door-code" && m.language === "fr")).toBe(true);

    const resend = await desk(stack.url, "/bookings/MSGB01/resend", cookie, {
      method: "POST",
      body: { kind: "door-code" },
    });
    expect(resend.status).toBe(202);
    expect(resend.body).toEqual({ queued: 2 });
    const doorCodes = await until(
      () =>
        stack.db
          .select()
          .from(message)
          .where(and(eq(message.reservationId, "res-msg-b"), eq(message.kind, "door-code"))),
      (r) => r.length === 4 && r.every((m) => went(m.status)),
    );
    expect(new Set(doorCodes.map((m) => m.idempotencyKey)).size).toBe(4);
    expect((await auditEntries(stack.db, { action: "booking.resend" })).map((e) => e.bookingRef)).toEqual(["MSGB01"]);
    const notYet = await desk(stack.url, "/bookings/RES-MSG-A/resend", cookie, {
      method: "POST",
      body: { kind: "door-code" },
    });
    expect(notYet.status).toBe(409);

    await addProperty(stack.db, "prop-other");
    await addStaff(stack.db, {
      id: "staff-other",
      email: "other@frontdoor.test",
      role: "manager",
      propertyId: "prop-other",
      password: "another-long-password-1",
    });
    const other = await signIn(stack.url, "other@frontdoor.test", "another-long-password-1");
    expect(outboxResponse.parse((await desk(stack.url, "/outbox", other)).body).messages).toEqual([]);
    expect(
      (await desk(stack.url, "/bookings/MSGB01/resend", other, { method: "POST", body: { kind: "invitation" } }))
        .status,
    ).toBe(404);
    expect((await desk(stack.url, "/outbox", null)).status).toBe(401);
  });

  it("lets managers turn kinds off and allow codes, with previews", async () => {
    const put = await desk(stack.url, "/message-settings", cookie, {
      method: "PUT",
      body: { invitation: false, reminder: true, doorCode: true, codeConfirmed: true, codesInMessages: true },
    });
    expect(put.status).toBe(200);
    const got = await desk(stack.url, "/message-settings", cookie);
    const body = got.body as {
      settings: { invitation: boolean };
      previews: { kind: string; sms: string; smsSegments: number }[];
    };
    expect(body.settings.invitation).toBe(false);
    expect(body.previews.find((p) => p.kind === "door-code")!.sms).toContain("123456");
    expect(body.previews.every((p) => p.smsSegments <= 2)).toBe(true);
    await insertBooking("res-off", addDays(today, 1), { createdAt: Date.now(), expectedGuestPhone: null });
    await poke();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await messagesOf("res-off")).toEqual([]);
  });
});
