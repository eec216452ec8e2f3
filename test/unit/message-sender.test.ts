// The scheduler against the real queries on an in-memory SQLite (the committed migrations
// applied), with an in-memory channel that fails as told: retries with backoff then
// success, giving up after the bound, two racing runs sending once, a crash mid-send
// resolved through findSent, opted-out addresses suppressed, the planner's timing.
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { MIGRATIONS_FOLDER } from "../../db/migrate";
import { recordOptOut } from "../../db/queries/messages";
import * as schema from "../../db/schema";
import { zonedTimeToEpoch } from "../../domain/pin-window";
import { addDays } from "../../domain/messages/local-time";
import { RETRY_FOR_MS } from "../../domain/messages/retry";
import type { MessageChannel, OutgoingMessage, SendOutcome } from "../../party/messages/channel";
import type { MessagesDeps } from "../../party/messages/deps";
import { runMessages } from "../../party/messages/job";
import { planMessages } from "../../party/messages/planner";
import { sendDue } from "../../party/messages/sender";

const { message, property, reservation, room, guest } = schema;
const TZ = "Europe/London";

class TestChannel implements MessageChannel {
  readonly provider = "test";
  sent: OutgoingMessage[] = [];
  failuresLeft = 0;
  failure: SendOutcome = { ok: false, provider: "test", kind: "transient", reason: "Provider down (503)." };
  delayMs = 0;
  constructor(readonly channel: "email" | "sms") {}
  async send(m: OutgoingMessage): Promise<SendOutcome> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      return this.failure;
    }
    this.sent.push(m);
    return { ok: true, provider: "test", providerMessageId: `pm_${this.sent.length}` };
  }
  findSentAnswer: string | null | undefined = undefined;
  async findSent(): Promise<string | null | undefined> {
    return this.findSentAnswer;
  }
}

let db: Database;
let clock: number;
let email: TestChannel;
let sms: TestChannel;
let deps: MessagesDeps;

const at = (date: string, time: string) => zonedTimeToEpoch(date, time, TZ);
const TODAY = "2026-12-01";

beforeEach(async () => {
  const client = createClient({ url: ":memory:" });
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  db = drizzle(client, { schema }) as unknown as Database;
  await db.insert(property).values({ id: "p1", name: "Harbour House", timeZone: TZ, phone: "+44 20 7946 0000" });
  await db.insert(room).values({ id: "r1", propertyId: "p1", name: "1", frontDoorLockId: "a", roomLockId: "b" });
  clock = at(TODAY, "12:00");
  email = new TestChannel("email");
  sms = new TestChannel("sms");
  deps = {
    db,
    channels: { email, sms },
    secret: "a-test-secret-of-some-length",
    selfUrl: "https://fd.example",
    unsubscribeUrl: async (propertyId, address) => `https://fd.example/unsubscribe/${propertyId}:${address.length}`,
    now: () => clock,
    random: () => 0.5,
  };
});

async function addBooking(id: string, checkInDate: string, over: Partial<typeof reservation.$inferInsert> = {}) {
  await db.insert(reservation).values({
    id,
    bookingRef: id.toUpperCase(),
    propertyId: "p1",
    roomId: "r1",
    status: "confirmed",
    checkInDate,
    checkOutDate: addDays(checkInDate, 2),
    expectedGuestEmail: `${id}@example.com`,
    expectedGuestPhone: "+447700900123",
    createdAt: at("2026-11-01", "09:00"),
    ...over,
  });
}

const rows = () => db.select().from(message).orderBy(message.kind, message.channel);

describe("planning", () => {
  it("stores nothing before the invitation is due, and says when it will be", async () => {
    await addBooking("b1", addDays(TODAY, 4));
    const next = await planMessages(deps, "p1");
    expect(await rows()).toEqual([]);
    expect(next).toBe(at(addDays(TODAY, 1), "10:00"));
  });

  it("stores the invitation by email and SMS once due, once however often it runs", async () => {
    await addBooking("b1", addDays(TODAY, 3));
    clock = at(TODAY, "10:00");
    await planMessages(deps, "p1");
    await planMessages(deps, "p1");
    const stored = await rows();
    expect(stored.map((r) => [r.kind, r.channel, r.status])).toEqual([
      ["invitation", "email", "scheduled"],
      ["invitation", "sms", "scheduled"],
    ]);
    expect(stored[0]!.bodyText).toContain("https://fd.example/checkin/");
    expect(stored[0]!.bodyHtml).toContain('lang="en"');
    const [res] = await db.select().from(reservation).where(eq(reservation.id, "b1"));
    expect(res!.checkinLinkHash).not.toBeNull();
  });

  it("holds an invitation SMS in quiet hours but not the email", async () => {
    await addBooking("b1", addDays(TODAY, 1), { createdAt: at(TODAY, "22:00") });
    clock = at(TODAY, "22:00");
    const next = await planMessages(deps, "p1");
    expect((await rows()).map((r) => r.channel)).toEqual(["email"]);
    expect(next).toBe(at(addDays(TODAY, 1), "08:00"));
  });

  it("suppresses an opted-out address and skips kinds the property turned off", async () => {
    await addBooking("b1", TODAY, { createdAt: clock });
    await recordOptOut(db, { propertyId: "p1", channel: "sms", address: "+447700900123", source: "sms-stop", at: 0 });
    await db.insert(schema.messageSettings).values({ propertyId: "p1", reminder: false, updatedAt: 0 });
    await runMessages(deps, "p1");
    expect((await rows()).map((r) => [r.kind, r.channel, r.status])).toEqual([
      ["invitation", "email", "sent"],
      ["invitation", "sms", "suppressed"],
    ]);
    expect(sms.sent).toEqual([]);
  });

  it("sends the door code after check-in, and again when the code changes", async () => {
    await addBooking("b1", TODAY, { status: "checked_in" });
    const guestRow = {
      id: "g1",
      fullName: "Ada",
      phoneE164: "+447700900999",
      email: null,
      reservationId: "b1",
      bookingRef: "B1",
      checkInDate: TODAY,
      checkOutDate: addDays(TODAY, 2),
      roomId: "r1",
      frontDoorPin: "4821",
      secureToken: "stay-token",
      createdAt: clock,
    };
    await db.insert(guest).values(guestRow);
    await runMessages(deps, "p1");
    expect((await rows()).map((r) => [r.kind, r.channel, r.recipient])).toEqual([
      ["door-code", "sms", "+447700900999"],
    ]);
    expect(sms.sent[0]!.text).toContain("https://fd.example/stay/stay-token");
    expect(sms.sent[0]!.text).not.toContain("4821");
    await db.update(guest).set({ frontDoorPin: "9137" }).where(eq(guest.id, "g1"));
    await db.insert(schema.messageSettings).values({ propertyId: "p1", codesInMessages: true, updatedAt: 0 });
    await runMessages(deps, "p1");
    expect(sms.sent).toHaveLength(2);
    expect(sms.sent[1]!.text).toContain("9137");
    await runMessages(deps, "p1");
    expect(sms.sent).toHaveLength(2);
  });
});

describe("sending", () => {
  beforeEach(async () => {
    await addBooking("b1", TODAY, { createdAt: clock, expectedGuestPhone: null });
    await planMessages(deps, "p1");
  });

  it("retries a transient failure with backoff, then sends", async () => {
    email.failuresLeft = 2;
    await sendDue(deps, "p1", 10_000);
    let [row] = await rows();
    expect(row).toMatchObject({ status: "scheduled", attempts: 1, nextAttemptAt: clock + 30_000 });
    expect(row!.statusDetail).toContain("Provider down");
    await sendDue(deps, "p1", 10_000);
    expect((await rows())[0]!.attempts).toBe(1);
    clock += 30_000;
    await sendDue(deps, "p1", 10_000);
    [row] = await rows();
    expect(row).toMatchObject({ status: "scheduled", attempts: 2, nextAttemptAt: clock + 60_000 });
    clock += 60_000;
    await sendDue(deps, "p1", 10_000);
    [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 3, provider: "test", providerMessageId: "pm_1" });
    expect(email.sent).toHaveLength(1);
  });

  it("gives up after the bound and says so", async () => {
    email.failuresLeft = 1_000;
    for (let i = 0; i < 40; i++) {
      await sendDue(deps, "p1", 10_000);
      clock += 30 * 60_000;
    }
    const [row] = await rows();
    expect(row!.status).toBe("failed");
    expect(row!.statusDetail).toMatch(/^Gave up after \d+ attempts: Provider down/);
    expect(row!.updatedAt - row!.sendAt).toBeLessThanOrEqual(RETRY_FOR_MS);
  });

  it("fails a permanent error at once", async () => {
    email.failuresLeft = 1;
    email.failure = { ok: false, provider: "test", kind: "permanent", reason: "Invalid recipient address." };
    await sendDue(deps, "p1", 10_000);
    expect((await rows())[0]).toMatchObject({ status: "failed", statusDetail: "Invalid recipient address." });
  });

  it("two racing runs send once", async () => {
    email.delayMs = 20;
    await Promise.all([sendDue(deps, "p1", 10_000), sendDue(deps, "p1", 10_000), runMessages(deps, "p1")]);
    expect(email.sent).toHaveLength(1);
    expect((await rows())[0]!.status).toBe("sent");
  });

  it("after a crash mid-send: takes the provider's word that it went, else resends under the same key", async () => {
    const [row] = await rows();
    await db.update(message).set({ status: "sending", attempts: 1, nextAttemptAt: clock + 60_000 });
    await sendDue(deps, "p1", 10_000);
    expect(email.sent).toHaveLength(0);
    clock += 120_000;
    email.findSentAnswer = "pm_found";
    await sendDue(deps, "p1", 10_000);
    expect((await rows())[0]).toMatchObject({ status: "sent", providerMessageId: "pm_found" });
    expect(email.sent).toHaveLength(0);

    await db.update(message).set({ status: "sending", nextAttemptAt: clock - 1 });
    email.findSentAnswer = null;
    await sendDue(deps, "p1", 10_000);
    expect(email.sent.map((m) => m.idempotencyKey)).toEqual([row!.idempotencyKey]);
  });

  it("leaves a row whose guest data was purged unsent", async () => {
    await db.update(message).set({ recipient: null, bodyText: null, bodyHtml: null, subject: null });
    await sendDue(deps, "p1", 10_000);
    expect((await rows())[0]!.status).toBe("suppressed");
    expect(email.sent).toEqual([]);
  });
});
