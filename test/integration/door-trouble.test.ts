// When a door fails, end to end: real sqld + partykit dev with the Seam simulator. The
// stay page's socket (stay token in its first message), backup codes given when a lock
// refuses the code or is offline at arrival, "code not working" reaching the board, and
// staff issuing a backup code or a brand-new code that the guest's page receives live.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, backupCode, doorTrouble, message, property } from "../../db/schema";
import type { BoardSession } from "../../domain/board";
import { configureSimDevice, seamSimCall, seamSimCodes, seamSimKey } from "../../party/seamsim/inspect";
import { STAY_REFUSED_CLOSE, stayServerMessage, type StayView } from "../../shared/protocol/guest-stay";
import { startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectRaw, toWsUrl, type RawClient } from "../support/ws-client";
import {
  addProperty,
  addStaff,
  desk,
  nextBoardSession,
  openBoardSocket,
  PROPERTY,
  signIn,
  staffIp,
  login,
} from "./desk-helpers";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const FRONT = "lock-front-harbour";
const roomLock = (ref: string) => `lock-room-1${ref.slice(-2)}`;

let stack: TestStack;
let key: string;
let admin: string;

beforeAll(async () => {
  stack = await startTestStack({
    SIM_LOCK_LATENCY_MS: "5",
    SIM_LOCK_SET_DELAY_MS: "300",
    LOCK_POLL_MS: "5000",
    SEAM_WEBHOOK_SECRET: SECRET,
  });
  key = seamSimKey(stack.vars);
  // Arrival is the start of the day, so every stay here has already "arrived".
  await stack.db.update(property).set({ standardCheckInTime: "00:00" }).where(eq(property.id, PROPERTY));
  admin = await signIn(stack.url);
});
afterAll(async () => stack?.stop());

/** Checks a booking in over the wizard's socket; returns the session and the stay token. */
async function checkIn(ref: string) {
  const sessionId = await startSession(stack.url, ref);
  const client = await walkToConfirm(stack.url, sessionId);
  client.send({ type: "confirm" });
  const done = await waitForState(client, (s) => s.step === "completed" && s.stayToken !== null, 30_000);
  await client.close();
  return { sessionId, stayToken: done.stayToken! };
}

async function staySocketRoom(stayToken: string): Promise<string> {
  const res = await fetch(`${stack.url}/api/stay-socket`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ stayToken }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { sessionId: string };
  return body.sessionId;
}

function openStay(sessionId: string): Promise<RawClient> {
  return connectRaw(toWsUrl(stack.url, `/parties/checkin/${encodeURIComponent(sessionId)}?channel=stay`));
}

/** The next `stay` message matching, schema-checked. */
async function nextStay(client: RawClient, predicate: (s: StayView) => boolean, timeoutMs = 30_000) {
  const m = await client.next((raw) => {
    const parsed = stayServerMessage.safeParse(raw.json);
    return parsed.success && parsed.data.type === "stay" && predicate(parsed.data.stay);
  }, timeoutMs);
  return (stayServerMessage.parse(m.json) as { stay: StayView }).stay;
}

async function addPoolCode(lockId: string, code: string) {
  const r = await desk(stack.url, "/backup-codes", admin, { method: "POST", body: { lockId, code } });
  expect(r.status, r.text).toBe(201);
  expect(r.text).not.toContain(code);
  return r.body as { id: string };
}

describe("the stay socket", () => {
  it("says nothing before the token, refuses a forged one, and sends the stay to the real one", async () => {
    const { sessionId, stayToken } = await checkIn("FD1011");
    expect(await staySocketRoom(stayToken)).toBe(sessionId);

    const forged = await openStay(sessionId);
    await new Promise((r) => setTimeout(r, 300));
    expect(forged.messages).toEqual([]);
    forged.send({ type: "hello", stayToken: randomBytes(32).toString("base64url") });
    const refused = await forged.closed;
    expect(refused.code).toBe(STAY_REFUSED_CLOSE);
    expect(forged.messages.map((m) => m.text).join("")).not.toContain('stay"');

    const unproven = await openStay(sessionId);
    unproven.send({ type: "door-trouble" });
    const answer = await unproven.next();
    expect((answer.json as { code: string }).code).toBe("out_of_order");
    await unproven.close();

    const real = await openStay(sessionId);
    real.send({ type: "hello", stayToken });
    const stay = await nextStay(real, (s) => s.ready);
    expect(stay.locks).toEqual({ frontDoor: "set", room: "set" });
    expect(stay.code).toMatch(/^\d{4,8}$/);
    expect(stay.backups).toEqual({ frontDoor: null, room: null });
    await real.close();
  });
});

describe("backup codes", () => {
  it("a code failing on one lock falls back to a backup code for that lock", async () => {
    await addPoolCode(roomLock("FD1012"), "482913");
    await configureSimDevice(stack.url, key, roomLock("FD1012"), { code_outcome: "fail_later", fail_after_ms: 500 });
    const { sessionId, stayToken } = await checkIn("FD1012");
    const socket = await openStay(sessionId);
    socket.send({ type: "hello", stayToken });
    const stay = await nextStay(socket, (s) => s.backups.room !== null, 30_000);
    expect(stay.locks.room).toBe("failed");
    expect(stay.backups).toEqual({ frontDoor: null, room: "482913" });
    expect(stay.ready).toBe(false);
    const [claimed] = await stack.db
      .select()
      .from(backupCode)
      .where(eq(backupCode.lockId, roomLock("FD1012")));
    expect(claimed?.assignedSessionId).toBe(sessionId);
    expect(claimed?.codeCipher).not.toContain("482913");
    const log = await stack.db.select().from(doorTrouble).where(eq(doorTrouble.sessionId, sessionId));
    expect(log.map((r) => [r.kind, r.actor, r.lockId])).toEqual([["backup-issued", "auto", roomLock("FD1012")]]);
    await socket.close();
  });

  it("a lock offline at arrival gets a backup code while its code waits to be set", async () => {
    await addPoolCode(roomLock("FD1013"), "739120");
    await seamSimCall(stack.url, key, "devices/simulate/disconnect", { device_id: roomLock("FD1013") });
    const { sessionId, stayToken } = await checkIn("FD1013");
    const socket = await openStay(sessionId);
    socket.send({ type: "hello", stayToken });
    const stay = await nextStay(socket, (s) => s.backups.room !== null, 30_000);
    expect(stay.locks.room).toBe("setting");
    expect(stay.backups.room).toBe("739120");
    expect(stay.backups.frontDoor).toBeNull();
    await socket.close();
  });
});

describe("code not working", () => {
  it("the guest's report reaches the board live; staff issue a backup code and the stay socket receives it", async () => {
    await addPoolCode(FRONT, "204816");
    await addPoolCode(roomLock("FD1014"), "918273");
    const board = await openBoardSocket(stack.url, PROPERTY, admin);
    const { sessionId, stayToken } = await checkIn("FD1014");
    const socket = await openStay(sessionId);
    socket.send({ type: "hello", stayToken });
    await nextStay(socket, () => true);

    socket.send({ type: "door-trouble" });
    const reported = await nextStay(socket, (s) => s.trouble !== null);
    expect(reported.backups).toEqual({ frontDoor: null, room: null });
    const alert: BoardSession = await nextBoardSession(board, sessionId, (s) => s.door?.trouble != null, 20_000);
    expect(alert.bookingRef).toBe("FD1014");
    expect(alert.door?.events.map((e) => e.text)).toContain("Guest reported the code is not working");
    expect(JSON.stringify(alert)).not.toContain(reported.code!);

    const issued = await desk(stack.url, `/sessions/${sessionId}/backup-code`, admin, { method: "POST" });
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body).toEqual({ given: ["frontDoor", "room"], missing: [] });
    const live = await nextStay(socket, (s) => s.backups.frontDoor !== null && s.backups.room !== null);
    expect(live.backups).toEqual({ frontDoor: "204816", room: "918273" });
    const onBoard = await nextBoardSession(board, sessionId, (s) => s.door?.backups.room === true, 20_000);
    expect(JSON.stringify(onBoard)).not.toContain("918273");

    const audit = await stack.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.sessionId, sessionId), eq(auditLog.action, "door.backup")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toMatch(/\d{4}/);
    const log = await stack.db.select().from(doorTrouble).where(eq(doorTrouble.sessionId, sessionId));
    expect(log.map((r) => `${r.kind}/${r.actor}`).sort()).toEqual([
      "backup-issued/staff",
      "backup-issued/staff",
      "reported/guest",
    ]);
    const analytics = await desk(stack.url, "/analytics", admin);
    expect(analytics.status, analytics.text).toBe(200);
    expect(analytics.body.doorTrouble).toBeGreaterThanOrEqual(1);
    await Promise.all([socket.close(), board.close()]);
  });

  it("another property's staff cannot issue a code or see the pool", async () => {
    await addProperty(stack.db, "prop-other");
    await addStaff(stack.db, {
      id: "staff-other",
      email: "other@frontdoor.test",
      role: "staff",
      propertyId: "prop-other",
      password: "other-property-password",
    });
    const other = await login(stack.url, "other@frontdoor.test", "other-property-password", staffIp());
    expect(other.status).toBe(200);
    const { sessionId } = await checkIn("FD1015");
    const issued = await desk(stack.url, `/sessions/${sessionId}/backup-code`, other.cookie, { method: "POST" });
    expect(issued.status).toBe(404);
    const renewed = await desk(stack.url, `/sessions/${sessionId}/new-code`, other.cookie, { method: "POST" });
    expect(renewed.status).toBe(404);
    const pool = await desk(stack.url, "/backup-codes", other.cookie);
    expect(pool.status).toBe(200);
    expect(pool.body.codes).toEqual([]);
    const add = await desk(stack.url, "/backup-codes", other.cookie, {
      method: "POST",
      body: { lockId: FRONT, code: "1234" },
    });
    expect(add.status).toBe(403);
  });
});

describe("a new code from the alert", () => {
  const doorCodeMessages = () =>
    stack.db
      .select()
      .from(message)
      .where(and(eq(message.reservationId, "res-FD1019"), eq(message.kind, "door-code")));

  it("replaces the code on both locks, reaches the stay page live, answers the alert, resends the door code", async () => {
    const board = await openBoardSocket(stack.url, PROPERTY, admin);
    const { sessionId, stayToken } = await checkIn("FD1019");
    const socket = await openStay(sessionId);
    socket.send({ type: "hello", stayToken });
    const first = await nextStay(socket, (s) => s.ready);
    socket.send({ type: "door-trouble" });
    await nextBoardSession(board, sessionId, (s) => s.door?.trouble != null, 20_000);
    await expect.poll(async () => (await doorCodeMessages()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const sentBefore = new Set((await doorCodeMessages()).map((m) => m.idempotencyKey));

    const issued = await desk(stack.url, `/sessions/${sessionId}/new-code`, admin, { method: "POST" });
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body).toEqual({ issued: true });

    const fresh = await nextStay(socket, (s) => s.code !== first.code && s.ready);
    expect(fresh.code).toMatch(/^\d{6}$/);
    expect(fresh.locks).toEqual({ frontDoor: "set", room: "set" });
    for (const lock of [FRONT, roomLock("FD1019")]) {
      const ours = await seamSimCodes(stack.url, key, lock, `frontdoor:${sessionId}`);
      expect(ours.map((c) => [c.code, c.status])).toEqual([[fresh.code, "set"]]);
    }
    const answered = await nextBoardSession(
      board,
      sessionId,
      (s) => s.door?.trouble === null && s.locks?.room === "set",
      20_000,
    );
    expect(answered.door?.events.map((e) => e.text)).toContain("New door code issued by staff");
    expect(JSON.stringify(answered)).not.toContain(fresh.code!);

    const audit = await stack.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.sessionId, sessionId), eq(auditLog.action, "door.new-code")));
    expect(audit.map((a) => a.detail)).toEqual(["issued"]);
    // The door code goes out again: a message the first sending did not cover.
    await expect
      .poll(async () => (await doorCodeMessages()).filter((m) => !sentBefore.has(m.idempotencyKey)).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await Promise.all([socket.close(), board.close()]);
  });

  it("is refused for a booking not checked in", async () => {
    const sessionId = await startSession(stack.url, "FD1020");
    const refused = await desk(stack.url, `/sessions/${sessionId}/new-code`, admin, { method: "POST" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("This guest has not finished checking in.");
  });
});
