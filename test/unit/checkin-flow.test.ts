import { describe, expect, it } from "vitest";
import { applyEvent, COMPLETION_RETRY_MS, isExpired, nextWakeUp, toPublicState } from "../../domain/checkin-flow";
import { details, run, start, T0 } from "../support/flow-fixture";

describe("check-in flow", () => {
  it("normalises details, moves to parking and starts PINs at once", () => {
    const r = applyEvent(start(), { type: "details", details }, T0 + 5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.step).toBe("parking");
    expect(r.state.details).toEqual({
      fullName: "Grace Hopper",
      phoneE164: "+447700900123",
      email: "grace@example.com",
    });
    expect(r.state.pin.status).toBe("creating");
    expect(r.effects).toEqual([]);
    expect(r.state.pin.nextAttemptAt).toBe(T0 + 5);
    expect(nextWakeUp(r.state, 3_600_000, T0 + 5)).toBe(T0 + 5);
    expect(r.state.stepReached).toBe(2);
  });

  it("rejects an invalid phone with a message for that field and changes nothing", () => {
    const s = start();
    const r = applyEvent(s, { type: "details", details: { ...details, phone: "12" } }, T0);
    expect(r).toMatchObject({ ok: false, code: "validation" });
    if (r.ok) return;
    expect(r.fields?.phone).toBe("phone_invalid");
    expect(s.step).toBe("details");
  });

  it("refuses to skip steps", () => {
    expect(applyEvent(start(), { type: "parking", parking: { hasCar: false } }, T0)).toMatchObject({
      ok: false,
      code: "out_of_order",
    });
    expect(applyEvent(start(), { type: "confirm" }, T0)).toMatchObject({ ok: false, code: "out_of_order" });
  });

  it("requires and normalises a registration when the guest has a car", () => {
    const s = run(start(), { type: "details", details });
    expect(applyEvent(s, { type: "parking", parking: { hasCar: true } }, T0)).toMatchObject({
      ok: false,
      fields: { registration: expect.any(String) },
    });
    const done = run(s, { type: "parking", parking: { hasCar: true, registration: "ab12 cde" } });
    expect(done.parking).toEqual({ hasCar: true, registration: "AB12CDE" });
    expect(done.step).toBe("confirm");
  });

  it("lets the guest go back and edit, returning to the summary", () => {
    const s = run(
      start(),
      { type: "details", details },
      { type: "parking", parking: { hasCar: false } },
      { type: "edit", step: "details" },
    );
    expect(s.step).toBe("details");
    const back = run(s, { type: "details", details: { ...details, fullName: "Grace B. Hopper" } });
    expect(back.step).toBe("confirm");
    expect(back.details?.fullName).toBe("Grace B. Hopper");
    // PINs already started are not started a second time.
    expect(back.pin.status).toBe("creating");
  });

  it("completes at once when PINs are ready at confirm", () => {
    const s = run(
      start(),
      { type: "details", details },
      { type: "parking", parking: { hasCar: false } },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "pin-ready" },
    );
    const r = applyEvent(s, { type: "confirm" }, T0);
    expect(r).toMatchObject({ ok: true, effects: [{ kind: "complete" }] });
  });

  it("waits for PINs when confirm comes first, then completes on the PIN push", () => {
    const pending = run(
      start(),
      { type: "details", details },
      { type: "parking", parking: { hasCar: false } },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "confirm" },
    );
    expect(pending.confirmPending).toBe(true);
    expect(pending.step).toBe("confirm");
    const again = applyEvent(pending, { type: "confirm" }, T0);
    expect(again).toMatchObject({ ok: true, effects: [] });
    expect(applyEvent(pending, { type: "edit", step: "details" }, T0)).toMatchObject({ ok: false });
    const ready = applyEvent(pending, { type: "pin-ready" }, T0);
    expect(ready).toMatchObject({ ok: true, effects: [{ kind: "complete" }] });
    const done = run(pending, { type: "pin-ready" }, { type: "completed", stayToken: "t".repeat(43) });
    expect(done.step).toBe("completed");
    expect(done.stepReached).toBe(4);
    expect(applyEvent(done, { type: "confirm" }, T0)).toMatchObject({ ok: false });
  });

  it("lets the guest carry on after a PIN failure and shows the error at confirm", () => {
    const failed = run(
      start(),
      { type: "details", details },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "pin-failed", reason: "lock down", detail: "vendor 503" },
    );
    expect(failed).toMatchObject({ step: "parking", pin: { status: "failed" } });
    const confirmed = run(failed, { type: "parking", parking: { hasCar: false } }, { type: "confirm" });
    expect(confirmed).toMatchObject({ step: "error", error: "lock down", confirmPending: true, stepReached: 4 });
    const fixed = applyEvent(confirmed, { type: "manual-pin", pin: "271828" }, T0);
    expect(fixed).toMatchObject({ ok: true, effects: [{ kind: "complete" }], state: { step: "confirm" } });
  });

  it("goes to error on final PIN failure and back when staff retry or type a PIN", () => {
    const failed = run(
      start(),
      { type: "details", details },
      { type: "parking", parking: { hasCar: false } },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "confirm" },
      { type: "pin-failed", reason: "lock down", detail: "vendor 503" },
    );
    expect(failed.step).toBe("error");
    expect(failed.error).toBe("lock down");
    const retried = run(failed, { type: "retry-pins", now: T0 + 99 });
    expect(retried).toMatchObject({
      step: "confirm",
      confirmPending: true,
      pin: { status: "creating", attempts: 0, nextAttemptAt: T0 + 99 },
    });
    const manual = applyEvent(failed, { type: "manual-pin", pin: "271828" }, T0);
    expect(manual).toMatchObject({
      ok: true,
      effects: [{ kind: "complete" }],
      state: { step: "confirm", pin: { status: "ready", code: "271828", manual: true } },
    });
  });

  it("queues provider PINs for deletion when the session expires or loses the race", () => {
    const s = run(
      start(),
      { type: "details", details },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "pin-progress", frontDoorPinId: "p1", roomPinId: "p2" },
      { type: "pin-ready" },
    );
    const expired = run(s, { type: "expired" });
    expect(expired.step).toBe("expired");
    expect(expired.pinsToDelete).toEqual([
      { lockId: "lock-front", pinId: "p1" },
      { lockId: "lock-101", pinId: "p2" },
    ]);
    const cleaned = run(expired, { type: "pin-deleted", pinId: "p1" }, { type: "pin-deleted", pinId: "p2" });
    expect(cleaned.pinsToDelete).toEqual([]);
    expect(nextWakeUp(cleaned, 60_000, T0)).toBeNull();
  });

  it("retries at once after a restart interrupted an attempt, and not before its lease otherwise", () => {
    const inFlight = run(
      start(),
      { type: "details", details },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
    );
    expect(nextWakeUp(inFlight, 3_600_000, T0)).toBe(T0 + 60_000);
    const resumed = run(inFlight, { type: "resumed", now: T0 + 5 });
    expect(resumed.pin.nextAttemptAt).toBe(T0 + 5);
    expect(run(start(), { type: "resumed", now: T0 }).pin.nextAttemptAt).toBeNull();
  });

  it("schedules the alarm for the earliest of PIN retry, clean-up and expiry", () => {
    const s = run(
      start(),
      { type: "details", details },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "pin-attempt-failed", retryAt: T0 + 1_000 },
    );
    expect(nextWakeUp(s, 3_600_000, T0)).toBe(T0 + 1_000);
    const idle = start();
    expect(nextWakeUp(idle, 60_000, T0)).toBe(T0 + 60_000);
    expect(isExpired(idle, 60_000, T0 + 59_999)).toBe(false);
    expect(isExpired(idle, 60_000, T0 + 60_000)).toBe(true);
    expect(isExpired(s, 1, T0 + 10_000_000)).toBe(false); // a PIN run finishes first
  });

  it("bumps the version on every change and never shows the PIN or lock ids to guests", () => {
    const s = run(start(), { type: "details", details });
    expect(s.version).toBe(2);
    const pub = JSON.stringify(toPublicState(s));
    expect(pub).not.toContain("482913");
    expect(pub).not.toContain("lock-front");
  });
});

describe("nextWakeUp", () => {
  const EXPIRY = 3_600_000;
  const confirmed = () =>
    run(
      start(),
      { type: "details", details },
      { type: "parking", parking: { hasCar: false } },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "confirm" },
    );

  it("wakes for abandonment only, when nothing else is due", () => {
    expect(nextWakeUp(start(), EXPIRY, T0 + 10)).toBe(T0 + EXPIRY);
  });

  it("wakes for the PIN attempt's lease while PINs are being made and the guest waits on Confirm", () => {
    const pending = confirmed();
    expect(pending.confirmPending).toBe(true);
    expect(nextWakeUp(pending, EXPIRY, T0)).toBe(T0 + 60_000);
  });

  it("wakes soon to finish a confirmed check-in once PINs are ready, counted from now", () => {
    const ready = run(confirmed(), { type: "pin-ready" });
    expect(ready).toMatchObject({ confirmPending: true, pin: { status: "ready" } });
    expect(nextWakeUp(ready, EXPIRY, T0 + 500)).toBe(T0 + 500 + COMPLETION_RETRY_MS);
    expect(nextWakeUp({ ...ready, confirmPending: false }, EXPIRY, T0 + 500)).toBe(ready.lastGuestActivityAt + EXPIRY);
  });

  it("has nothing to wake for once completed, unless PINs wait to be removed", () => {
    const done = run(confirmed(), { type: "pin-ready" }, { type: "completed", stayToken: "t".repeat(43) });
    expect(done.step).toBe("completed");
    expect(nextWakeUp(done, EXPIRY, T0)).toBeNull();
    const lost = run(
      confirmed(),
      { type: "pin-progress", frontDoorPinId: "p1", roomPinId: "p2" },
      { type: "pin-ready" },
      { type: "lost-race", reason: "checked in elsewhere" },
    );
    expect(lost.pinsToDelete.length).toBeGreaterThan(0);
    expect(nextWakeUp(lost, EXPIRY, T0 + 7)).toBe(T0 + 7);
  });
});
