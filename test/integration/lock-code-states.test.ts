// Codes confirmed on the lock, end to end: real sqld + partykit dev with the Seam
// simulator sending Svix-signed webhooks to the app's /api/webhooks/seam, and the
// check-in room polling when a webhook never comes.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest } from "../../db/schema";
import { pinLabel } from "../../party/checkin/pin-task";
import { signSvix } from "../../party/webhooks/svix";
import { configureSimDevice, seamSimCall, seamSimKey } from "../../party/seamsim/inspect";
import type { PublicSessionState } from "../../domain/checkin-types";
import { pinsOnLock, startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectCheckin } from "../support/ws-client";

const POLL_MS = 8_000;
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const FRONT = "lock-front-harbour";
/** Seeded bookings FD10NN stay in room 1NN, whose lock is lock-room-1NN. */
const roomLock = (ref: string) => `lock-room-1${ref.slice(-2)}`;

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack({
    SIM_LOCK_LATENCY_MS: "5",
    SIM_LOCK_SET_DELAY_MS: "300",
    LOCK_POLL_MS: String(POLL_MS),
    SEAM_WEBHOOK_SECRET: SECRET,
  });
  key = seamSimKey(stack.vars);
});
afterAll(async () => stack?.stop());

const locksOf = (s: PublicSessionState) => s.pin.locks;

/** Checks a booking in and returns its socket, session id and when its codes were sent. */
async function checkIn(ref: string) {
  const sessionId = await startSession(stack.url, ref);
  const client = await walkToConfirm(stack.url, sessionId);
  client.send({ type: "confirm" });
  const sent = await waitForState(client, (s) => s.pin.status === "ready" && locksOf(s) !== undefined, 30_000);
  return { client, sessionId, sentAt: Date.now(), sent };
}

async function postWebhook(event: object, secret = SECRET, body = JSON.stringify(event)) {
  const headers = await signSvix(secret, `msg_${randomBytes(8).toString("hex")}`, Math.floor(Date.now() / 1000), body);
  return fetch(`${stack.url}/api/webhooks/seam`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

describe("codes confirmed on the lock", () => {
  it("a normal check-in: both codes are sent, then confirmed by Seam's webhooks before any poll", async () => {
    const { client, sentAt, sent } = await checkIn("FD1001");
    expect(locksOf(sent)).toEqual({ frontDoor: "setting", room: "setting" });
    await waitForState(client, (s) => locksOf(s)?.frontDoor === "set" && locksOf(s)?.room === "set", 20_000);
    expect(Date.now() - sentAt).toBeLessThan(POLL_MS);
    await client.close();
  });

  it("a code that fails on the room lock is reported failed there, confirmed on the front door", async () => {
    await configureSimDevice(stack.url, key, roomLock("FD1002"), { code_outcome: "fail_later", fail_after_ms: 500 });
    const { client } = await checkIn("FD1002");
    const s = await waitForState(
      client,
      (st) => locksOf(st)?.room === "failed" && locksOf(st)?.frontDoor === "set",
      20_000,
    );
    expect(s.step).toBe("completed");
    await client.close();
  });

  it("a lost webhook: the room's poll finds the code confirmed", async () => {
    await configureSimDevice(stack.url, key, roomLock("FD1003"), { drop_webhooks: true });
    const { client, sentAt } = await checkIn("FD1003");
    await waitForState(client, (s) => locksOf(s)?.frontDoor === "set", 20_000);
    await waitForState(client, (s) => locksOf(s)?.room === "set", 40_000);
    // Only a poll can have told the room: the lock's webhooks were all lost.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(POLL_MS - 1_000);
    await client.close();
  });

  it("a lock offline at arrival: the check-in completes with the code sent, and it is confirmed once the lock is back", async () => {
    await seamSimCall(stack.url, key, "devices/simulate/disconnect", { device_id: roomLock("FD1004") });
    const { client } = await checkIn("FD1004");
    const done = await waitForState(client, (s) => s.step === "completed" && locksOf(s)?.frontDoor === "set", 20_000);
    expect(locksOf(done)?.room).toBe("setting");
    await seamSimCall(stack.url, key, "devices/simulate/connect", { device_id: roomLock("FD1004") });
    await waitForState(client, (s) => locksOf(s)?.room === "set", 20_000);
    await client.close();
  });

  it("refuses a forged webhook and changes nothing for a replayed, late or unknown one", async () => {
    await configureSimDevice(stack.url, key, roomLock("FD1005"), { code_outcome: "fail_later", fail_after_ms: 300 });
    const { client, sessionId } = await checkIn("FD1005");
    await waitForState(client, (s) => locksOf(s)?.room === "failed" && locksOf(s)?.frontDoor === "set", 20_000);
    const [row] = await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId));
    const event = {
      event_id: "0b3d1f6e-8c1a-4d2b-9e7f-5a6c4b3d2e1f",
      event_type: "access_code.set_on_device",
      workspace_id: "workspace",
      device_id: roomLock("FD1005"),
      access_code_id: row!.roomPinId,
      occurred_at: new Date(Date.now() - 60_000).toISOString(),
    };

    const forged = await postWebhook(event, `whsec_${randomBytes(24).toString("base64")}`);
    expect(forged.status).toBe(401);
    const unsigned = await fetch(`${stack.url}/api/webhooks/seam`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(event),
    });
    expect(unsigned.status).toBe(401);
    const old = await signSvix(SECRET, "msg_old", Math.floor(Date.now() / 1000) - 600, JSON.stringify(event));
    const replayedLate = await fetch(`${stack.url}/api/webhooks/seam`, {
      method: "POST",
      headers: { "content-type": "application/json", ...old },
      body: JSON.stringify(event),
    });
    expect(replayedLate.status).toBe(401);

    // Correctly signed, but older than the failure the room knows: out of order, no change.
    const outOfOrder = await postWebhook(event);
    expect(await outOfOrder.json()).toEqual({ delivered: true });
    const unknown = await postWebhook({ ...event, access_code_id: "5f0c8e1a-0000-4000-8000-000000000000" });
    expect(await unknown.json()).toEqual({ ignored: "unknown code" });

    const fresh = await connectCheckin(stack.url, sessionId);
    const now = await waitForState(fresh, () => true);
    expect(locksOf(now)).toEqual({ frontDoor: "set", room: "failed" });
    await Promise.all([client.close(), fresh.close()]);
  });

  it("the runtime SIGKILLed while codes are `setting`: still exactly one code per lock, confirmed after restart", async () => {
    await seamSimCall(stack.url, key, "devices/simulate/disconnect", { device_id: roomLock("FD1006") });
    const { client, sessionId } = await checkIn("FD1006");
    await stack.stopRuntime("SIGKILL");
    await client.raw.closed;
    await stack.startRuntime();
    await seamSimCall(stack.url, key, "devices/simulate/connect", { device_id: roomLock("FD1006") });
    const again = await connectCheckin(stack.url, sessionId);
    await waitForState(again, (s) => locksOf(s)?.room === "set" && locksOf(s)?.frontDoor === "set", 40_000);
    expect(await pinsOnLock(stack.url, key, FRONT, pinLabel(sessionId))).toHaveLength(1);
    expect(await pinsOnLock(stack.url, key, roomLock("FD1006"), pinLabel(sessionId))).toHaveLength(1);
    await again.close();
  });
});
