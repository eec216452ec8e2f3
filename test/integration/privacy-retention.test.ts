// What Frontdoor keeps about a guest, and for how long (issue 10, privacy and retention):
// check-in rooms wipe themselves once the session is long over, the retention job
// anonymises guests a set number of days after checkout, and a manager exports or erases
// one booking's guest data. Real sqld and partykit dev; sessions expire in seconds here.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { auditLog, checkinAnalytics, guest, message, reservation, room } from "../../db/schema";
import { addDays } from "../../domain/date-range";
import { guestDataEraseResponse, guestDataExport } from "../../shared/guest-data-protocol";
import { INTERNAL_AUTH_HEADER } from "../../shared/protocol/internal";
import { addProperty, addStaff, desk, PROPERTY, signIn } from "./desk-helpers";
import { localDate } from "../../domain/pin-window";
import { pinLabel } from "../../party/checkin/pin-task";
import { seamSimKey } from "../../party/seamsim/inspect";
import { pinsOnLock, startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectRaw, toWsUrl } from "../support/ws-client";

const EXPIRY_MINUTES = 0.1;
const RETENTION_MINUTES = 0.05;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    SIM_LOCK_LATENCY_MS: "10-40",
    SESSION_EXPIRY_MINUTES: String(EXPIRY_MINUTES),
    ROOM_RETENTION_MINUTES: String(RETENTION_MINUTES),
  });
});

afterAll(async () => {
  await stack?.stop();
});

/** What a device opening the session's socket is told first, and whether the room then hangs up. */
async function roomAnswer(sessionId: string): Promise<{ type: string; step?: string; code?: string; close?: number }> {
  const raw = await connectRaw(toWsUrl(stack.url, `/parties/checkin/${sessionId}`));
  const first = (await raw.next()).json as { type: string; state?: { step: string }; code?: string };
  const closed = await Promise.race([raw.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
  if (!closed) await raw.close();
  return { type: first.type, step: first.state?.step, code: first.code, close: closed?.code };
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe("check-in rooms wipe themselves", () => {
  it("an expired session's room is emptied the retention time after it ended, its codes removed first", async () => {
    const sessionId = await startSession(stack.url, "FD1002");
    const client = await walkToConfirm(stack.url, sessionId);
    await waitForState(client, (s) => s.pin.status === "ready");
    await waitForState(client, (s) => s.step === "expired", 30_000);
    client.close();
    // Until the retention time has passed the room still answers with the ended session.
    const ended = await roomAnswer(sessionId);
    expect(ended).toMatchObject({ type: "state", step: "expired" });

    const wiped = await eventually(
      () => roomAnswer(sessionId),
      (a) => a.type === "error",
      30_000,
    );
    expect(wiped).toEqual({ type: "error", step: undefined, code: "not_found", close: 4404 });
    const key = seamSimKey(stack.vars);
    expect(await pinsOnLock(stack.url, key, "lock-front-harbour", pinLabel(sessionId))).toHaveLength(0);
    // A wiped room stays empty: asking again does not bring the session back.
    expect(await roomAnswer(sessionId)).toMatchObject({ code: "not_found" });
  });

  it("a completed check-in's room is emptied after checkout; the guest's record stays in the database", async () => {
    // A stay that ends at midnight today (property time): its checkout has passed.
    const today = localDate(Date.now(), "Europe/London");
    const yesterday = localDate(Date.now() - 86_400_000, "Europe/London");
    await stack.db
      .update(reservation)
      .set({ checkInDate: yesterday, checkOutDate: today, lateCheckoutTime: "00:00" })
      .where(eq(reservation.bookingRef, "FD1003"));
    const sessionId = await startSession(stack.url, "FD1003");
    const client = await walkToConfirm(stack.url, sessionId);
    await waitForState(client, (s) => s.pin.status === "ready");
    client.send({ type: "confirm" });
    const { stayToken } = await client.nextOfType("completed");
    client.close();

    const wiped = await eventually(
      () => roomAnswer(sessionId),
      (a) => a.type === "error",
      30_000,
    );
    expect(wiped).toMatchObject({ type: "error", code: "not_found", close: 4404 });
    const [row] = await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId));
    expect(row).toMatchObject({ fullName: "Grace Hopper", secureToken: stayToken });
  });

  it("a completed check-in whose stay has not ended keeps its room", async () => {
    const sessionId = await startSession(stack.url, "FD1005");
    const client = await walkToConfirm(stack.url, sessionId);
    await waitForState(client, (s) => s.pin.status === "ready");
    client.send({ type: "confirm" });
    await client.nextOfType("completed");
    client.close();
    await new Promise((resolve) => setTimeout(resolve, (RETENTION_MINUTES + EXPIRY_MINUTES) * 60_000 + 2_000));
    expect(await roomAnswer(sessionId)).toMatchObject({ type: "state", step: "completed" });
  });
});

const OTHER_PROPERTY = "prop-elsewhere";
const OTHER_MANAGER = { id: "mgr-elsewhere", email: "manager@elsewhere.test", password: "elsewhere-manager-pw" };
const CLERK = { id: "clerk-harbour", email: "clerk@frontdoor.test", password: "harbour-clerk-password" };
const today = () => localDate(Date.now(), "Europe/London");

/** A booking whose stay ended `daysAgo` days ago, with a checked-in guest, a message and a funnel row. */
async function pastStay(ref: string, propertyId: string, roomId: string, daysAgo: number, status = "checked_in") {
  const id = `res-${ref}`;
  const out = addDays(today(), -daysAgo);
  await stack.db.insert(reservation).values({
    id,
    bookingRef: ref,
    propertyId,
    roomId,
    status: status as "checked_in",
    checkInDate: addDays(out, -2),
    checkOutDate: out,
    expectedGuestName: "Ada Byron",
    expectedGuestSurname: "byron",
    expectedGuestEmail: "ada@example.com",
    expectedGuestPhone: "+447700900999",
    source: "desk",
  });
  if (status !== "checked_in") return id;
  await stack.db.insert(guest).values({
    id: `guest-${ref}`,
    fullName: "Ada Byron",
    phoneE164: "+447700900999",
    email: "ada@example.com",
    reservationId: id,
    bookingRef: ref,
    checkInDate: addDays(out, -2),
    checkOutDate: out,
    roomId,
    carRegistration: "AB12CDE",
    frontDoorPin: "482913",
    secureToken: `stay-${ref}-${"x".repeat(32)}`,
    checkinSessionId: `session-${ref}-${"s".repeat(16)}`,
    createdAt: Date.now(),
  });
  await stack.db.insert(message).values({
    id: `msg-${ref}`,
    propertyId,
    reservationId: id,
    kind: "door-code",
    channel: "email",
    idempotencyKey: `door-code:${ref}`,
    recipient: "ada@example.com",
    language: "en",
    subject: "Your door code",
    bodyText: "Dear Ada, your code is 482913",
    bodyHtml: "<p>Dear Ada, your code is 482913</p>",
    status: "sent",
    sendAt: Date.now(),
    createdAt: Date.now(),
    updatedAt: Date.now(),
  });
  await stack.db.insert(checkinAnalytics).values({
    sessionId: `session-${ref}-${"s".repeat(16)}`,
    bookingRef: ref,
    propertyId,
    stepReached: 4,
    completed: true,
    deviceType: "mobile",
    startedAt: Date.now() - 60_000,
    completedAt: Date.now(),
  });
  return id;
}

async function runRetentionJob(propertyId: string) {
  const res = await fetch(`${stack.url}/parties/jobs/${propertyId}`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_AUTH_HEADER]: stack.vars.INTERNAL_SECRET! },
    body: JSON.stringify({ propertyId, job: "retention" }),
  });
  expect(res.status, await res.text()).toBe(200);
}

async function anonymisedAt(ids: string[]) {
  const rows = await stack.db
    .select({ id: reservation.id, at: reservation.anonymisedAt })
    .from(reservation)
    .where(inArray(reservation.id, ids));
  return new Map(rows.map((r) => [r.id, r.at]));
}

describe("guest data retention", () => {
  beforeAll(async () => {
    await addProperty(stack.db, OTHER_PROPERTY);
    await stack.db.insert(room).values({
      id: "room-elsewhere",
      propertyId: OTHER_PROPERTY,
      name: "E1",
      frontDoorLockId: "e-f",
      roomLockId: "e-r",
    });
    await addStaff(stack.db, { ...OTHER_MANAGER, role: "manager", propertyId: OTHER_PROPERTY });
    await addStaff(stack.db, { ...CLERK, role: "staff", propertyId: PROPERTY });
  });

  it("anonymises guests 30 days after checkout, cancelled bookings too, in batches, once", async () => {
    const old = await pastStay("RT0001", PROPERTY, "room-101", 31);
    const cancelled = await pastStay("RT0002", PROPERTY, "room-101", 30, "cancelled");
    const recent = await pastStay("RT0003", PROPERTY, "room-101", 29);
    const elsewhere = await pastStay("RT0004", OTHER_PROPERTY, "room-elsewhere", 60);
    // More than two batches' worth, so the job has to page.
    const many = Array.from({ length: 250 }, (_, i) => `RTM${String(i).padStart(3, "0")}`);
    for (let i = 0; i < many.length; i += 50) {
      await stack.db.insert(reservation).values(
        many.slice(i, i + 50).map((ref) => ({
          id: `res-${ref}`,
          bookingRef: ref,
          propertyId: PROPERTY,
          roomId: "room-101",
          status: "no_show" as const,
          checkInDate: addDays(today(), -100),
          checkOutDate: addDays(today(), -99),
          expectedGuestName: "Someone Else",
          expectedGuestEmail: "someone@example.com",
        })),
      );
    }
    await runRetentionJob(PROPERTY);
    const manyIds = many.map((ref) => `res-${ref}`);
    await eventually(
      () => anonymisedAt([old, cancelled, ...manyIds]),
      (m) => [...m.values()].every((at) => at !== null),
      30_000,
    );
    const done = await anonymisedAt([old, cancelled, recent, elsewhere, ...manyIds]);
    expect(done.get(old)).not.toBeNull();
    expect(done.get(cancelled)).not.toBeNull();
    expect(manyIds.every((id) => done.get(id) !== null)).toBe(true);
    expect(done.get(recent)).toBeNull();
    // Another property's bookings wait for that property's own run.
    expect(done.get(elsewhere)).toBeNull();

    const [g] = await stack.db.select().from(guest).where(eq(guest.reservationId, old));
    expect(g).toMatchObject({ fullName: "", phoneE164: "", email: null, carRegistration: null, frontDoorPin: null });
    expect(g!.secureToken).toBe("erased.guest-RT0001");
    const [r] = await stack.db.select().from(reservation).where(eq(reservation.id, old));
    expect(r).toMatchObject({
      bookingRef: "RT0001",
      expectedGuestName: null,
      expectedGuestSurname: null,
      expectedGuestEmail: null,
      expectedGuestPhone: null,
    });
    const [m] = await stack.db.select().from(message).where(eq(message.reservationId, old));
    expect(m).toMatchObject({ recipient: null, subject: null, bodyText: null, bodyHtml: null, status: "sent" });
    // The funnel row stays: it holds no personal data.
    const [funnel] = await stack.db.select().from(checkinAnalytics).where(eq(checkinAnalytics.bookingRef, "RT0001"));
    expect(funnel).toMatchObject({ completed: true, stepReached: 4 });
    const [kept] = await stack.db.select().from(guest).where(eq(guest.reservationId, recent));
    expect(kept).toMatchObject({ fullName: "Ada Byron", email: "ada@example.com" });

    // Running again changes nothing.
    const first = done.get(old);
    await runRetentionJob(PROPERTY);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await anonymisedAt([old])).get(old)).toBe(first);
  });
});

describe("a manager exports or erases one guest's data", () => {
  it("is for managers of the booking's own property only", async () => {
    await pastStay("RT0100", PROPERTY, "room-101", 3);
    const clerk = await signIn(stack.url, CLERK.email, CLERK.password);
    const other = await signIn(stack.url, OTHER_MANAGER.email, OTHER_MANAGER.password);
    for (const cookie of [clerk, other]) {
      const exported = await desk(stack.url, "/bookings/RT0100/guest-data", cookie);
      const erased = await desk(stack.url, "/bookings/RT0100/guest-data/erase", cookie, { method: "POST" });
      const expected = cookie === clerk ? 403 : 404;
      expect([exported.status, erased.status]).toEqual([expected, expected]);
    }
    const [g] = await stack.db.select().from(guest).where(eq(guest.bookingRef, "RT0100"));
    expect(g!.fullName).toBe("Ada Byron");
  });

  it("exports every row about the booking, audited", async () => {
    await pastStay("RT0101", PROPERTY, "room-101", 2);
    const admin = await signIn(stack.url);
    const r = await desk(stack.url, "/bookings/rt0101/guest-data", admin);
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="guest-data-RT0101.json"');
    const data = guestDataExport.parse(r.body);
    expect(data.booking).toMatchObject({ bookingRef: "RT0101", expectedGuestEmail: "ada@example.com" });
    expect(data.guests).toHaveLength(1);
    expect(data.guests[0]).toMatchObject({ fullName: "Ada Byron", phoneE164: "+447700900999" });
    expect(data.messages[0]).toMatchObject({ recipient: "ada@example.com", bodyText: "Dear Ada, your code is 482913" });
    expect(data.checkinSessions).toHaveLength(1);
    const audit = await stack.db.select().from(auditLog).where(eq(auditLog.bookingRef, "RT0101"));
    expect(audit.map((a) => a.action)).toEqual(["guest.export"]);
  });

  it("refuses to erase a stay still going, then erases a cancelled one and empties its check-in room", async () => {
    const admin = await signIn(stack.url);
    const live = await desk(stack.url, "/bookings/FD1001/guest-data/erase", admin, { method: "POST" });
    expect(live.status).toBe(409);
    expect(live.body.error.message).toMatch(/has not ended/);

    // A guest mid check-in, codes already on the locks, when the booking is cancelled.
    const sessionId = await startSession(stack.url, "FD1012");
    const client = await walkToConfirm(stack.url, sessionId);
    await waitForState(client, (s) => s.pin.status === "ready");
    const key = seamSimKey(stack.vars);
    expect(await pinsOnLock(stack.url, key, "lock-front-harbour", pinLabel(sessionId))).toHaveLength(1);
    expect((await desk(stack.url, "/bookings/FD1012/cancel", admin, { method: "POST" })).status).toBe(200);

    const erased = await desk(stack.url, "/bookings/FD1012/guest-data/erase", admin, { method: "POST" });
    expect(erased.status, erased.text).toBe(200);
    expect(guestDataEraseResponse.parse(erased.body)).toMatchObject({ bookingRef: "FD1012", roomsPending: 0 });
    expect(await pinsOnLock(stack.url, key, "lock-front-harbour", pinLabel(sessionId))).toHaveLength(0);
    expect(await roomAnswer(sessionId)).toMatchObject({ type: "error", code: "not_found" });
    const [r] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "FD1012"));
    expect(r).toMatchObject({ expectedGuestName: null, expectedGuestEmail: null, status: "cancelled" });
    expect(r!.anonymisedAt).not.toBeNull();
    const actions = (await auditEntries(stack.db, { action: "guest.erase" })).map((a) => a.bookingRef);
    expect(actions).toEqual(["FD1012"]);
  });
});
