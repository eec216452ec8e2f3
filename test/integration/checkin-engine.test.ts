// The check-in engine end to end: real partykit dev (workerd), real sqld, the
// simulated lock vendor as the only fake. Each test uses its own booking reference
// and client address so they cannot interfere.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkinAnalytics, guest, reservation } from "../../db/schema";
import { MAX_MESSAGE_BYTES } from "../../shared/protocol/common";
import { apiError } from "../../shared/protocol/errors";
import { stayResponse } from "../../shared/protocol/guest-http";
import { pinLabel } from "../../party/checkin/pin-task";
import {
  GUEST,
  lookup,
  pinsOnLock,
  startSession,
  uniqueIp,
  waitForState,
  walkToConfirm,
} from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectCheckin, connectRaw, toWsUrl } from "../support/ws-client";
import { seamSimulatorUrl } from "../../party/locks";
import { seamSimKey } from "../../party/seamsim/inspect";

let stack: TestStack;

const postStay = (token: string) =>
  fetch(`${stack.url}/api/stay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "10-40" });
});
afterAll(async () => {
  await stack?.stop();
});

describe("guest happy path", () => {
  it("checks a guest in once, with PINs on both locks, and records the funnel", async () => {
    const sessionId = await startSession(stack.url, "fd1001");
    const client = await walkToConfirm(stack.url, sessionId);
    await waitForState(client, (s) => s.pin.status === "ready");
    client.send({ type: "confirm" });
    const done = await client.nextOfType("completed");
    expect(done.stayToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [row] = await stack.db.select().from(guest).where(eq(guest.bookingRef, "FD1001"));
    expect(row).toMatchObject({
      fullName: "Grace Hopper",
      phoneE164: "+447700900123",
      email: "grace@example.com",
      carRegistration: "AB12CDE",
      reservationId: "res-FD1001",
      secureToken: done.stayToken,
      checkinSessionId: sessionId,
      archived: false,
    });
    expect(row!.frontDoorPin).toMatch(/^\d{6}$/);
    const [res] = await stack.db.select().from(reservation).where(eq(reservation.id, "res-FD1001"));
    expect(res).toMatchObject({ status: "checked_in", guestId: row!.id });

    const [funnel] = await stack.db.select().from(checkinAnalytics).where(eq(checkinAnalytics.sessionId, sessionId));
    expect(funnel).toMatchObject({ bookingRef: "FD1001", stepReached: 4, completed: true, deviceType: "mobile" });
    expect(funnel!.completedAt).toBeGreaterThanOrEqual(funnel!.startedAt);
    // Analytics carry no personal data or PINs.
    expect(JSON.stringify(funnel)).not.toMatch(/Grace|7700|@|\d{6}"/);

    const front = await pinsOnLock(stack.url, seamSimKey(stack.vars), "lock-front-harbour", pinLabel(sessionId));
    expect(front.map((p) => p.access_code_id)).toEqual([row!.frontDoorPinId]);
    expect(front.map((p) => p.code)).toEqual([row!.frontDoorPin]);

    const stay = await postStay(done.stayToken);
    expect(stay.headers.get("cache-control")).toBe("no-store");
    const body = stayResponse.parse(await stay.json());
    expect(body).toMatchObject({
      bookingRef: "FD1001",
      pin: row!.frontDoorPin,
      guestName: "Grace Hopper",
      propertyName: "Harbour House",
    });
    await client.close();
  });

  it("shows every device on the session the same state, and errors only to the sender", async () => {
    const sessionId = await startSession(stack.url, "FD1002");
    const phone = await connectCheckin(stack.url, sessionId);
    const laptop = await connectCheckin(stack.url, sessionId);
    await waitForState(laptop, (s) => s.step === "details");
    phone.send({ type: "details", details: { ...GUEST, phone: "12" } });
    const err = await phone.nextOfType("error");
    expect(err).toMatchObject({ code: "validation", fields: { phone: "phone_invalid" } });
    phone.send({ type: "details", details: GUEST });
    const seen = await waitForState(laptop, (s) => s.step === "parking");
    expect(seen.details).toEqual({ fullName: "Grace Hopper", phoneE164: "+447700900123", email: "grace@example.com" });
    expect(laptop.messages.some((m) => m.type === "error")).toBe(false);
    await Promise.all([phone.close(), laptop.close()]);
  });

  it("refuses skipped steps and allows going back until confirm", async () => {
    const sessionId = await startSession(stack.url, "FD1003");
    const client = await connectCheckin(stack.url, sessionId);
    await waitForState(client, (s) => s.step === "details");
    client.send({ type: "confirm" });
    expect(await client.nextOfType("error")).toMatchObject({ code: "out_of_order" });
    client.send({ type: "parking", parking: { hasCar: false } });
    expect(await client.nextOfType("error")).toMatchObject({ code: "out_of_order" });
    client.send({ type: "details", details: GUEST });
    await waitForState(client, (s) => s.step === "parking");
    client.send({ type: "edit", step: "details" });
    await waitForState(client, (s) => s.step === "details");
    await client.close();
  });
});

describe("exactly one guest", () => {
  it("double confirm from two devices produces one guest and one token", async () => {
    const sessionId = await startSession(stack.url, "FD1004");
    const phone = await walkToConfirm(stack.url, sessionId, { hasCar: false, registration: "" });
    const tablet = await connectCheckin(stack.url, sessionId);
    await waitForState(phone, (s) => s.pin.status === "ready");
    phone.send({ type: "confirm" });
    phone.send({ type: "confirm" });
    tablet.send({ type: "confirm" });
    const [a, b] = await Promise.all([phone.nextOfType("completed"), tablet.nextOfType("completed")]);
    expect(a.stayToken).toBe(b.stayToken);
    const rows = await stack.db.select().from(guest).where(eq(guest.reservationId, "res-FD1004"));
    expect(rows).toHaveLength(1);
    await Promise.all([phone.close(), tablet.close()]);
  });

  // One live session per booking (issue 10): a second lookup joins the first session instead of
  // racing it, so both devices drive, and see, the same check-in.
  it("a second lookup of a booking joins its live session: both devices see each change", async () => {
    const first = await lookup(stack.url, "FD1005");
    const second = await lookup(stack.url, "FD1005");
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const sessionId = (first.body as { sessionId: string }).sessionId;
    expect(second.body).toEqual({ kind: "session", sessionId, bookingRef: "FD1005" });
    const [a, b] = await Promise.all([connectCheckin(stack.url, sessionId), connectCheckin(stack.url, sessionId)]);
    await Promise.all([a, b].map((c) => waitForState(c, (s) => s.step === "details")));
    b.send({ type: "details", details: GUEST });
    await Promise.all([a, b].map((c) => waitForState(c, (s) => s.step === "parking")));
    await Promise.all([a.close(), b.close()]);
  });
});

describe("step 1: finding the booking", () => {
  it("echoes an unknown reference back", async () => {
    const r = await lookup(stack.url, " zz 9999 ");
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ kind: "not-found", bookingRef: "zz 9999" });
  });

  it("tells a returning guest with the proof that the booking is checked in, with the desk's phone", async () => {
    const r = await lookup(stack.url, "FD2001", uniqueIp(), "lovelace");
    expect(r.body).toEqual({ kind: "checked-in", bookingRef: "FD2001", propertyPhone: "+441632960000" });
    // The four-digit phone check that could be guessed is gone.
    const old = await fetch(`${stack.url}/api/stay-access`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": uniqueIp() },
      body: JSON.stringify({ bookingRef: "FD2001", phoneLast4: "0001" }),
    });
    expect(old.status).toBe(404);
  });

  it("answers the 11th lookup in a minute from one client with 429 and Retry-After", async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await lookup(stack.url, `NOPE${i}`, ip)).status);
    expect(statuses).toEqual(Array(10).fill(404));
    const eleventh = await lookup(stack.url, "NOPE11", ip);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(apiError.parse(eleventh.body).error.retryAfterSeconds).toBeGreaterThan(0);
    // Another client is unaffected.
    expect((await lookup(stack.url, "NOPE12")).status).toBe(404);
  });

  it("limits guesses at one booking reference across many clients", async () => {
    const statuses: number[] = [];
    // Default per-reference ceiling is 60 an hour; after the first, each lookup joins the same session.
    for (let i = 0; i < 61; i++) statuses.push((await lookup(stack.url, "FD1019")).status);
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

describe("bad input", () => {
  it("answers malformed and oversized messages to the sender only and changes nothing", async () => {
    const sessionId = await startSession(stack.url, "FD1006");
    const bystander = await connectCheckin(stack.url, sessionId);
    const raw = await connectRaw(toWsUrl(stack.url, `/parties/checkin/${sessionId}`));
    await raw.next((m) => (m.json as { type?: string })?.type === "state");
    const cases: Array<[string | object, string]> = [
      ["not json", "invalid_message"],
      [{ type: "teleport" }, "invalid_message"],
      [{ type: "details", details: { fullName: 42 } }, "invalid_message"],
      [{ type: "details", details: { ...GUEST, fullName: "x".repeat(MAX_MESSAGE_BYTES) } }, "too_large"],
    ];
    for (const [frame, code] of cases) {
      raw.send(frame);
      const reply = await raw.next((m) => (m.json as { type?: string })?.type === "error");
      expect(reply.json).toMatchObject({ type: "error", code });
    }
    // Still usable, still at step 2, and the bystander heard none of it.
    bystander.send({ type: "details", details: GUEST });
    await waitForState(bystander, (s) => s.step === "parking");
    expect(bystander.messages.filter((m) => m.type === "error")).toEqual([]);
    await Promise.all([raw.close(), bystander.close()]);
  });

  it("cuts off a client flooding its session with messages", async () => {
    const sessionId = await startSession(stack.url, "FD1018");
    const raw = await connectRaw(toWsUrl(stack.url, `/parties/checkin/${sessionId}`));
    for (let i = 0; i < 40; i++) raw.send({ type: "edit", step: "details" });
    await raw.next((m) => (m.json as { code?: string })?.code === "rate_limited");
    const errors = raw.messages.filter((m) => (m.json as { type?: string })?.type === "error");
    expect(errors.length).toBeGreaterThan(0);
    await raw.close();
  });

  it("rejects bad HTTP bodies with a clear error", async () => {
    const post = (body: string) =>
      fetch(`${stack.url}/api/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": uniqueIp() },
        body,
      });
    const invalid = await post("{");
    expect(invalid.status).toBe(400);
    expect(apiError.parse(await invalid.json()).error.code).toBe("invalid_json");
    const wrong = await post(JSON.stringify({ ref: "FD1001" }));
    expect(wrong.status).toBe(400);
    const huge = await post(JSON.stringify({ bookingRef: "x".repeat(MAX_MESSAGE_BYTES + 1) }));
    expect(huge.status).toBe(413);
  });

  it("closes sockets for sessions that do not exist, and guards internal endpoints", async () => {
    const raw = await connectRaw(toWsUrl(stack.url, "/parties/checkin/AAAAAAAAAAAAAAAAAAAAAA"));
    const closed = await raw.closed;
    expect(closed.code).toBe(4404);
    const forged = await fetch(`${stack.url}/parties/checkin/AAAAAAAAAAAAAAAAAAAAAA`, {
      method: "POST",
      body: JSON.stringify({ type: "retry-pins" }),
    });
    expect(forged.status).toBe(403);
    const vendor = await fetch(`${seamSimulatorUrl(stack.url)}/access_codes/list`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.vars.INTERNAL_SECRET}` },
      body: JSON.stringify({ device_id: "lock-front-harbour" }),
    });
    expect(vendor.status).toBe(401);
  });
});
