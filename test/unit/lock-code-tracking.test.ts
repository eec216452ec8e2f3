import { describe, expect, it } from "vitest";
import { afterPoll, lockCodeWords, observe, POLL_FOR_MS, startTracking } from "../../domain/lock-code-tracking";

const T0 = 1_750_000_000_000;
const POLL = 1_000;

describe("lock code tracking", () => {
  it("starts both locks at `sent to the lock` with a poll due", () => {
    const t = startTracking(["frontDoor", "room"], T0, POLL);
    expect(t).toEqual({
      frontDoor: { state: "setting", at: T0, assumed: true },
      room: { state: "setting", at: T0, assumed: true },
      since: T0,
      polls: 0,
      nextPollAt: T0 + POLL,
    });
    expect(lockCodeWords(t.frontDoor)).toBe("Sent to the lock");
  });

  it("confirms per lock, and stops polling once no lock is waiting", () => {
    const t = startTracking(["frontDoor", "room"], T0, POLL);
    const one = observe(t, [{ side: "frontDoor", state: "set", at: T0 + 10 }])!;
    expect(one.frontDoor).toEqual({ state: "set", at: T0 + 10 });
    expect(one.nextPollAt).toBe(T0 + POLL);
    const both = observe(one, [{ side: "room", state: "failed", at: T0 + 20 }])!;
    expect(both.nextPollAt).toBeNull();
    expect(lockCodeWords(both.frontDoor)).toBe("Confirmed on the lock");
  });

  it("ignores an event older than what is known, a repeat, and anything after a removal", () => {
    const t = observe(startTracking(["frontDoor"], T0, POLL), [{ side: "frontDoor", state: "set", at: T0 + 50 }])!;
    expect(observe(t, [{ side: "frontDoor", state: "failed", at: T0 + 40 }])).toBeNull();
    expect(observe(t, [{ side: "frontDoor", state: "set", at: T0 + 50 }])).toBeNull();
    const removed = observe(t, [{ side: "frontDoor", state: "removed", at: T0 + 60 }])!;
    expect(observe(removed, [{ side: "frontDoor", state: "set", at: T0 + 70 }])).toBeNull();
  });

  it("takes a confirmation dated before tracking began: the lock was quicker than the session's bookkeeping", () => {
    const t = startTracking(["frontDoor", "room"], T0, POLL);
    const confirmed = observe(t, [{ side: "frontDoor", state: "set", at: T0 - 300 }])!;
    expect(confirmed.frontDoor).toEqual({ state: "set", at: T0 - 300 });
    // Once a lock has spoken, older news stays ignored.
    expect(observe(confirmed, [{ side: "frontDoor", state: "failed", at: T0 - 400 }])).toBeNull();
    expect(observe(t, [{ side: "room", state: "setting", at: T0 - 10 }])).toBeNull();
  });

  it("ignores news about a lock the session has no code on", () => {
    const t = startTracking(["frontDoor"], T0, POLL);
    expect(observe(t, [{ side: "room", state: "set", at: T0 + 1 }])).toBeNull();
  });

  it("polls later each time, up to sixteen times the base, and gives up after a day", () => {
    let t = startTracking(["room"], T0, POLL);
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const now = t.nextPollAt!;
      t = afterPoll(t, now, POLL);
      gaps.push(t.nextPollAt! - now);
    }
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000, 16_000, 16_000]);
    expect(afterPoll(t, T0 + POLL_FOR_MS, POLL).nextPollAt).toBeNull();
  });
});
