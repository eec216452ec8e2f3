// What Frontdoor keeps about a guest, and for how long (issue 10, privacy and retention):
// check-in rooms wipe themselves once the session is long over. Real sqld and partykit
// dev; sessions expire in seconds here so the wipe can be watched.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest, reservation } from "../../db/schema";
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
