// Retry PINs against a flaky lock vendor (half of all calls fail, one attempt per
// run): a session gets stuck, staff press Retry until the vendor answers, and the
// guest finishes. Each retry is one audited action. The loop bounds are generous
// enough that a run failing by chance is vanishingly unlikely (0.75^40).
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { DEMO_BOOKING_REFS } from "../../db/seed";
import { GUEST, startSession, waitForState } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectCheckin, type CheckinClient } from "../support/ws-client";
import { boardSnapshot, desk, nextBoardSession, openBoardSocket, PROPERTY, signIn } from "./desk-helpers";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5", SIM_LOCK_FAILURE_RATE: "0.5", PIN_MAX_ATTEMPTS: "1" });
});

afterAll(async () => {
  await stack?.stop();
});

it("Retry PINs completes a stuck session once the lock vendor answers", async () => {
  const admin = await signIn(stack.url);
  const board = await openBoardSocket(stack.url, PROPERTY, admin);
  await boardSnapshot(board);

  // Guests keep arriving until one's PINs fail.
  let stuck: { sessionId: string; guest: CheckinClient; ref: string } | null = null;
  for (const ref of DEMO_BOOKING_REFS) {
    const sessionId = await startSession(stack.url, ref);
    const guest = await connectCheckin(stack.url, sessionId);
    await waitForState(guest, (s) => s.step === "details");
    guest.send({ type: "details", details: GUEST });
    const outcome = await nextBoardSession(
      board,
      sessionId,
      (s) => s.pinStatus === "ready" || s.pinStatus === "failed",
    );
    if (outcome.pinStatus === "failed") {
      stuck = { sessionId, guest, ref };
      break;
    }
    await guest.close();
  }
  expect(stuck, "no session's PINs failed at a 50% vendor failure rate").not.toBeNull();
  const { sessionId, guest, ref } = stuck!;

  let retries = 0;
  for (let status: string = "failed"; status === "failed"; ) {
    expect(retries, "the vendor never recovered across 40 retries").toBeLessThan(40);
    const r = await desk(stack.url, `/sessions/${sessionId}/retry-pins`, admin, { method: "POST" });
    expect(r.status, r.text).toBe(200);
    retries += 1;
    await nextBoardSession(board, sessionId, (s) => s.pinStatus === "creating");
    status = (await nextBoardSession(board, sessionId, (s) => s.pinStatus !== "creating")).pinStatus;
  }
  expect((await waitForState(guest, (s) => s.pin.status === "ready")).pin.error).toBeNull();

  guest.send({ type: "parking", parking: { hasCar: false } });
  await waitForState(guest, (s) => s.step === "confirm");
  guest.send({ type: "confirm" });
  await guest.nextOfType("completed");
  await nextBoardSession(board, sessionId, (s) => s.step === "completed");

  const audit = await auditEntries(stack.db, { sessionId, action: "pin.retry" });
  expect(audit).toHaveLength(retries);
  expect(audit.every((a) => a.detail === "accepted" && a.bookingRef === ref && (a.staffId ?? "").length > 0)).toBe(
    true,
  );
  await Promise.all([board.close(), guest.close()]);
});
