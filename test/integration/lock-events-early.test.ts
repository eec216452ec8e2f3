// A lock that confirms a code faster than the check-in finishes sending the stay's other
// code: Seam's `access_code.set_on_device` for the front door reaches the room while it is
// still creating the room lock's code. Found by the faults bench; real sqld + partykit dev
// with the Seam simulator sending Svix-signed webhooks, and polling slowed so far that only
// the webhook can tell the room.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinLabel } from "../../party/checkin/pin-task";
import { configureSimDevice, seamSimKey } from "../../party/seamsim/inspect";
import { pinsOnLock, startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const FRONT = "lock-front-harbour";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    SIM_LOCK_LATENCY_MS: "20",
    SIM_LOCK_SET_DELAY_MS: "20",
    LOCK_POLL_MS: "3600000",
    SEAM_WEBHOOK_SECRET: SECRET,
  });
});
afterAll(async () => stack?.stop());

describe("a code confirmed before the stay's codes were all sent", () => {
  it("still ends confirmed on both locks, from the webhooks alone", async () => {
    // The room lock's hub is slow: its code is created 3 s after the front door's is on the lock.
    await configureSimDevice(stack.url, seamSimKey(stack.vars), "lock-room-101", { create_delay_ms: 3_000 });
    const sessionId = await startSession(stack.url, "FD1001");
    const client = await walkToConfirm(stack.url, sessionId);
    client.send({ type: "confirm" });
    await waitForState(client, (s) => s.pin.status === "ready", 30_000);
    // The front door's code was on its lock while the room lock's was still being created.
    const [front] = await pinsOnLock(stack.url, seamSimKey(stack.vars), FRONT, pinLabel(sessionId));
    expect(front?.status).toBe("set");
    let last: unknown = null;
    const done = await waitForState(
      client,
      (s) => {
        last = s.pin.locks;
        return s.pin.locks?.frontDoor === "set" && s.pin.locks?.room === "set";
      },
      30_000,
    ).catch(() => null);
    expect(
      done,
      `both locks confirmed within 30 s (polling is an hour away); last ${JSON.stringify(last)}`,
    ).not.toBeNull();
    await client.close();
  });
});
