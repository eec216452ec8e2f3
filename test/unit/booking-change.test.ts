// A checked-in booking that changes: the pure plan, the session's state, and the follow
// task against an in-memory lock vendor (the outside edge, the one thing faked) that can
// fail any call, with the room's state moving through the real domain.
import { describe, expect, it } from "vitest";
import { planFollow, stayMoved, type StayChange } from "../../domain/booking-change";
import { applyEvent, nextWakeUp, type CheckinState, type FlowEvent } from "../../domain/checkin-flow";
import type { CodeConstraints } from "../../domain/pin-constraints";
import { runFollow } from "../../party/checkin/follow-task";
import { LockProviderError, type LockPin, type LockProvider } from "../../party/locks/provider";
import { details, run, start, T0 } from "../support/flow-fixture";

const checkedIn = () =>
  run(
    start(),
    { type: "details", details },
    { type: "parking", parking: { hasCar: false } },
    { type: "confirm" },
    { type: "pin-progress", frontDoorPinId: "pin-front", roomPinId: "pin-101" },
    { type: "pin-ready", pollMs: 1_000 },
    { type: "completed", stayToken: "t".repeat(43) },
  );

const change = (s: CheckinState, over: Partial<StayChange["reservation"]>, roomLockId = s.locks.roomLockId) => ({
  reservation: { ...s.reservation, ...over, roomName: roomLockId === "lock-101" ? "Room 101" : "Room 102" },
  locks: { ...s.locks, roomLockId, roomId: roomLockId === "lock-101" ? "room-101" : "room-102" },
});

describe("what a booking change means for the codes", () => {
  it("moves only the lock that changed and updates the window of the one that stayed", () => {
    const s = checkedIn();
    const current = { reservation: s.reservation, locks: s.locks };
    expect(planFollow(current, change(s, { checkOutDate: "2026-11-30" }))).toEqual({
      move: [],
      update: ["frontDoor", "room"],
      windowChanged: true,
    });
    expect(planFollow(current, change(s, {}, "lock-102"))).toEqual({
      move: ["room"],
      update: [],
      windowChanged: false,
    });
    expect(planFollow(current, change(s, { lateCheckoutTime: "13:00" }, "lock-102"))).toEqual({
      move: ["room"],
      update: ["frontDoor"],
      windowChanged: true,
    });
    const stay = { roomId: "r", checkInDate: "a", checkOutDate: "b", earlyCheckInTime: null, lateCheckoutTime: null };
    expect(stayMoved(stay, { ...stay })).toBe(false);
    expect(stayMoved(stay, { ...stay, earlyCheckInTime: "12:00" })).toBe(true);
  });

  it("a moved room queues the old room code for deletion and wakes the alarm now", () => {
    const s = run(checkedIn(), { type: "stay-changed", change: change(checkedIn(), {}, "lock-102") });
    expect(s.pinsToDelete).toEqual([{ lockId: "lock-101", pinId: "pin-101" }]);
    expect(s.pin.roomPinId).toBeNull();
    expect(s.pin.frontDoorPinId).toBe("pin-front");
    expect(s.follow).toMatchObject({ create: ["room"], update: [], round: 1 });
    expect(s.locks.roomLockId).toBe("lock-102");
    expect(nextWakeUp(s, 3_600_000, T0 + 50)).toBeLessThanOrEqual(s.updatedAt);
  });

  it("a cancellation deletes both codes, once, and refuses later changes", () => {
    const s = run(checkedIn(), { type: "booking-cancelled" }, { type: "booking-cancelled" });
    expect(s.cancelled).toBe(true);
    expect(s.pinsToDelete.map((p) => p.pinId)).toEqual(["pin-front", "pin-101"]);
    expect(applyEvent(s, { type: "stay-changed", change: change(s, { checkOutDate: "2026-12-01" }) }, T0).ok).toBe(
      false,
    );
  });

  it("refuses a change before the guest has finished checking in", () => {
    const s = run(start(), { type: "details", details });
    expect(applyEvent(s, { type: "booking-cancelled" }, T0).ok).toBe(false);
  });
});

/** A lock service holding codes per lock; `failOn` makes the nth call of a kind throw after or before its work. */
function memoryVendor(constraints: Record<string, CodeConstraints> = {}) {
  const codes = new Map<string, LockPin & { startsAt: number; endsAt: number }>();
  let id = 0;
  const failures: { call: string; when: "before" | "after" }[] = [];
  const maybeFail = (call: string, when: "before" | "after") => {
    const i = failures.findIndex((f) => f.call === call && f.when === when);
    if (i >= 0) {
      failures.splice(i, 1);
      throw new LockProviderError(`${call} lost`, true);
    }
  };
  const provider: LockProvider = {
    async createPin(r) {
      maybeFail("create", "before");
      const pin = { pinId: `pin-${++id}`, lockId: r.lockId, label: r.label, code: r.code, state: "setting" as const };
      codes.set(pin.pinId, { ...pin, startsAt: r.startsAt, endsAt: r.endsAt });
      maybeFail("create", "after");
      return pin;
    },
    async deletePin(_lockId, pinId) {
      maybeFail("delete", "before");
      codes.delete(pinId);
    },
    async findPins(lockId, label) {
      return [...codes.values()].filter((c) => c.lockId === lockId && c.label === label);
    },
    async updatePinWindow(pinId, startsAt, endsAt) {
      maybeFail("update", "before");
      const c = codes.get(pinId);
      if (c) codes.set(pinId, { ...c, startsAt, endsAt });
    },
    async pinStates() {
      return new Map();
    },
    async getPins() {
      return [];
    },
    async getDevice(lockId) {
      return {
        lockId,
        name: lockId,
        online: true,
        batteryLevel: null,
        constraints: constraints[lockId] ?? { lengths: [], rules: [], unsupported: [] },
      };
    },
    async listDevices() {
      return [];
    },
  };
  return { provider, codes, failures };
}

/** The room as the follow task sees it: state in memory, every event through the real domain. */
function room(initial: CheckinState, provider: LockProvider) {
  let state = initial;
  let now = T0 + 3_600_000;
  const synced: CheckinState[] = [];
  const deps = {
    current: () => state,
    dispatch: async (e: FlowEvent) => {
      const r = applyEvent(state, e, now);
      if (r.ok) state = r.state;
      return r.ok;
    },
    provider,
    policy: { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 100 },
    now: () => now,
    random: () => 0.5,
    lockPollMs: 1_000,
    syncGuestRow: async (s: CheckinState) => {
      synced.push(s);
    },
  };
  return {
    deps,
    get state() {
      return state;
    },
    synced,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function seeded(vendor: ReturnType<typeof memoryVendor>, s: CheckinState) {
  const label = `frontdoor:${s.sessionId}`;
  for (const [pinId, lockId] of [
    ["pin-front", "lock-front"],
    ["pin-101", "lock-101"],
  ] as const)
    vendor.codes.set(pinId, { pinId, lockId, label, code: s.pin.code, state: "set", startsAt: 0, endsAt: 1 });
}

describe("the follow task", () => {
  it("a longer stay: both codes get the new window, the guest row is written, the follow is done", async () => {
    const vendor = memoryVendor();
    const s0 = checkedIn();
    seeded(vendor, s0);
    const r = room(
      run(s0, { type: "stay-changed", change: change(s0, { checkOutDate: "2026-11-30" }) }),
      vendor.provider,
    );
    await runFollow(r.deps);
    expect(r.state.follow).toBeNull();
    const ends = [...vendor.codes.values()].map((c) => new Date(c.endsAt).toISOString());
    expect(ends).toEqual(["2026-11-30T11:00:00.000Z", "2026-11-30T11:00:00.000Z"]);
    expect(r.synced.at(-1)!.reservation.checkOutDate).toBe("2026-11-30");
  });

  it("a move whose create is lost after landing ends with one code per lock, the same digits", async () => {
    const vendor = memoryVendor();
    const s0 = checkedIn();
    seeded(vendor, s0);
    const r = room(run(s0, { type: "stay-changed", change: change(s0, {}, "lock-102") }), vendor.provider);
    vendor.failures.push({ call: "create", when: "after" });
    await runFollow(r.deps);
    expect(r.state.follow?.attempts).toBe(1);
    r.advance(1_000);
    await runFollow(r.deps);
    expect(r.state.follow).toBeNull();
    const byLock = [...vendor.codes.values()].map((c) => [c.lockId, c.code]).sort();
    expect(byLock).toEqual([
      ["lock-102", s0.pin.code],
      ["lock-front", s0.pin.code],
    ]);
    expect(r.state.pin.roomPinId).toBe([...vendor.codes.values()].find((c) => c.lockId === "lock-102")!.pinId);
    expect(r.state.lockCodes?.room?.state).toBe("setting");
  });

  it("a new room lock that refuses the code gives every lock a new common one", async () => {
    const vendor = memoryVendor({ "lock-102": { lengths: [4], rules: [], unsupported: [] } });
    const s0 = checkedIn();
    seeded(vendor, s0);
    const r = room(run(s0, { type: "stay-changed", change: change(s0, {}, "lock-102") }), vendor.provider);
    await runFollow(r.deps);
    expect(r.state.follow).toBeNull();
    const left = [...vendor.codes.values()];
    expect(left.map((c) => c.lockId).sort()).toEqual(["lock-102", "lock-front"]);
    expect(new Set(left.map((c) => c.code))).toEqual(new Set([r.state.pin.code]));
    expect(r.state.pin.code).toHaveLength(4);
  });

  it("a cancellation removes both codes and writes the guest row without a code", async () => {
    const vendor = memoryVendor();
    const s0 = checkedIn();
    seeded(vendor, s0);
    const r = room(run(s0, { type: "booking-cancelled" }), vendor.provider);
    vendor.failures.push({ call: "delete", when: "before" });
    await runFollow(r.deps);
    r.advance(1_000);
    await runFollow(r.deps);
    expect(vendor.codes.size).toBe(0);
    expect(r.state.follow).toBeNull();
    expect(r.synced.at(-1)!.cancelled).toBe(true);
  });
});

describe("a brand-new code issued by staff", () => {
  it("queues both old codes for removal, records the new digits and wakes the alarm; refused where it cannot apply", () => {
    const s0 = checkedIn();
    const r = applyEvent(s0, { type: "new-code", code: "735194" }, T0 + 10);
    expect(r.ok).toBe(true);
    const s = (r as { state: CheckinState }).state;
    expect(s.pin.code).toBe("735194");
    expect(s.pinsToDelete).toEqual([
      { lockId: "lock-front", pinId: "pin-front" },
      { lockId: "lock-101", pinId: "pin-101" },
    ]);
    expect([s.pin.frontDoorPinId, s.pin.roomPinId, s.lockCodes]).toEqual([null, null, null]);
    expect(s.follow).toMatchObject({ create: ["frontDoor", "room"], update: [], round: 1 });
    expect(nextWakeUp(s, 3_600_000, T0 + 50)).toBeLessThanOrEqual(T0 + 10);

    expect(applyEvent(s0, { type: "new-code", code: s0.pin.code! }, T0).ok).toBe(false);
    const cancelled = run(s0, { type: "booking-cancelled" });
    expect(applyEvent(cancelled, { type: "new-code", code: "735194" }, T0).ok).toBe(false);
    const notYet = run(start(), { type: "details", details });
    expect(applyEvent(notYet, { type: "new-code", code: "735194" }, T0).ok).toBe(false);
  });

  it("the locks end with exactly one code each, the new digits, even when a create's answer is lost", async () => {
    const vendor = memoryVendor();
    const s0 = checkedIn();
    seeded(vendor, s0);
    const r = room(run(s0, { type: "new-code", code: "735194" }), vendor.provider);
    vendor.failures.push({ call: "create", when: "after" });
    await runFollow(r.deps);
    r.advance(1_000);
    await runFollow(r.deps);
    expect(r.state.follow).toBeNull();
    const byLock = [...vendor.codes.values()].map((c) => [c.lockId, c.code]).sort();
    expect(byLock).toEqual([
      ["lock-101", "735194"],
      ["lock-front", "735194"],
    ]);
    expect(r.state.lockCodes?.frontDoor?.state).toBe("setting");
    expect(r.synced.at(-1)!.pin.code).toBe("735194");
  });
});
