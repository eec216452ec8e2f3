// The live board against the real engine. Every lock call fails in this stack, so
// each session's first PIN run gets stuck: exactly the case the desk is for. (Later
// runs may still succeed: half the simulated failures store the PIN anyway, and the
// engine finds it on its next attempt.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import {
  deskArrivalsResponse,
  deskRevealPinResponse,
  deskSessionActionResponse,
} from "../../shared/protocol/desk-http";
import { GUEST, startSession, waitForState } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectCheckin } from "../support/ws-client";
import { boardSnapshot, desk, nextBoardSession, openBoardSocket, PROPERTY, signIn } from "./desk-helpers";

let stack: TestStack;
let admin: string;

beforeAll(async () => {
  stack = await startTestStack({
    SIM_LOCK_LATENCY_MS: "5",
    SIM_LOCK_FAILURE_RATE: "1",
    PIN_MAX_ATTEMPTS: "2",
    PIN_RETRY_BASE_MS: "50",
  });
  admin = await signIn(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

describe("the live board", () => {
  it("follows a check-in driven over the engine, and a manual PIN completes the stuck session", async () => {
    const board = await openBoardSocket(stack.url, PROPERTY, admin);
    await boardSnapshot(board);

    const sessionId = await startSession(stack.url, "FD1004");
    const started = await nextBoardSession(board, sessionId);
    expect(started).toMatchObject({
      bookingRef: "FD1004",
      step: "details",
      guestName: null,
      pinStatus: "idle",
      deviceType: "mobile",
      completedAt: null,
    });

    const guest = await connectCheckin(stack.url, sessionId);
    await waitForState(guest, (s) => s.step === "details");
    guest.send({ type: "details", details: GUEST });
    const named = await nextBoardSession(board, sessionId, (s) => s.guestName !== null);
    expect(named).toMatchObject({ guestName: GUEST.fullName, step: "parking" });
    const failed = await nextBoardSession(board, sessionId, (s) => s.pinStatus === "failed");
    expect(failed.pinAttempts).toBe(2);
    expect(failed.pinError).toBeTruthy();

    // A dashboard opened now gets the same picture at once.
    const late = await openBoardSocket(stack.url, PROPERTY, await signIn(stack.url));
    const snapshot = await boardSnapshot(late);
    expect(snapshot.find((s) => s.sessionId === sessionId)).toMatchObject({
      pinStatus: "failed",
      step: "parking",
      guestName: GUEST.fullName,
    });

    const manual = await desk(stack.url, `/sessions/${sessionId}/manual-pin`, admin, {
      method: "POST",
      body: { pin: "7391" },
    });
    expect(manual.status, manual.text).toBe(200);
    expect(deskSessionActionResponse.parse(manual.body).state.pin.status).toBe("ready");
    // Both dashboards and the guest's page move on live.
    await nextBoardSession(board, sessionId, (s) => s.pinStatus === "ready");
    await nextBoardSession(late, sessionId, (s) => s.pinStatus === "ready");
    await waitForState(guest, (s) => s.pin.status === "ready");

    guest.send({ type: "parking", parking: { hasCar: false } });
    await waitForState(guest, (s) => s.step === "confirm");
    guest.send({ type: "confirm" });
    await guest.nextOfType("completed");
    const done = await nextBoardSession(board, sessionId, (s) => s.step === "completed");
    expect(done.completedAt).toBeGreaterThanOrEqual(done.startedAt);

    const audit = await auditEntries(stack.db, { sessionId, action: "pin.manual" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ bookingRef: "FD1004", detail: "accepted" });
    expect(JSON.stringify(audit)).not.toContain("7391");

    const reveal = await desk(stack.url, `/sessions/${sessionId}/reveal-pin`, admin, { method: "POST" });
    expect(reveal.status, reveal.text).toBe(200);
    expect(deskRevealPinResponse.parse(reveal.body)).toMatchObject({ bookingRef: "FD1004", pin: "7391" });
    expect(await auditEntries(stack.db, { sessionId, action: "pin.reveal" })).toHaveLength(1);

    const arrivals = deskArrivalsResponse.parse((await desk(stack.url, "/arrivals", admin)).body);
    expect(arrivals.arrivals.find((a) => a.bookingRef === "FD1004")).toMatchObject({
      status: "checked-in",
      guestName: GUEST.fullName,
      sessionId,
    });
    await Promise.all([board.close(), late.close(), guest.close()]);
  });

  it("restarts PIN creation on Retry PINs and audits it; a retry that is not needed is refused and audited too", async () => {
    const board = await openBoardSocket(stack.url, PROPERTY, admin);
    await boardSnapshot(board);
    const sessionId = await startSession(stack.url, "FD1005");
    const guest = await connectCheckin(stack.url, sessionId);
    await waitForState(guest, (s) => s.step === "details");

    const early = await desk(stack.url, `/sessions/${sessionId}/retry-pins`, admin, { method: "POST" });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("out_of_order");

    guest.send({ type: "details", details: GUEST });
    await nextBoardSession(board, sessionId, (s) => s.pinStatus === "failed");

    const retry = await desk(stack.url, `/sessions/${sessionId}/retry-pins`, admin, { method: "POST" });
    expect(retry.status, retry.text).toBe(200);
    expect(deskSessionActionResponse.parse(retry.body).state.pin).toMatchObject({ status: "creating", attempts: 0 });
    await nextBoardSession(board, sessionId, (s) => s.pinStatus === "creating" && s.pinAttempts === 0);
    // The new run ends one way or the other; either way the board hears of it.
    const outcome = await nextBoardSession(board, sessionId, (s) => s.pinStatus !== "creating");
    expect(["ready", "failed"]).toContain(outcome.pinStatus);

    const audit = await auditEntries(stack.db, { sessionId, action: "pin.retry" });
    expect(audit.map((a) => a.detail)).toEqual(["refused 409 out_of_order", "accepted"]);
    expect(audit.every((a) => a.bookingRef === "FD1005")).toBe(true);
    await Promise.all([board.close(), guest.close()]);
  });

  it("has no PIN to reveal before the check-in completes, and says so", async () => {
    const sessionId = await startSession(stack.url, "FD1006");
    const r = await desk(stack.url, `/sessions/${sessionId}/reveal-pin`, admin, { method: "POST" });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("no_pin");
    expect(
      (await desk(stack.url, `/sessions/not-a-session-id-at-all-xx/retry-pins`, admin, { method: "POST" })).status,
    ).toBe(404);
  });
});
