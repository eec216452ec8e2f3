// The PIN task against an in-memory lock vendor: the vendor is the outside edge, so it
// is the one thing faked; the session state moves through the real domain.
import { migrateStoredState, type StoredStateV1 } from "../../domain/checkin-state-migrations";
import { describe, expect, it } from "vitest";
import { applyEvent, type CheckinState, type FlowEvent } from "../../domain/checkin-flow";
import { deleteQueuedPins, runPinAttempt } from "../../party/checkin/pin-task";
import type { CodeConstraints } from "../../domain/pin-constraints";
import { LockProviderError, type LockPin, type LockProvider, type PinRequest } from "../../party/locks/provider";
import { details, run, start, T0 } from "../support/flow-fixture";

type Call = "find" | "create" | "delete";

/** Stores PINs per lock; `script` decides, call by call, whether to fail before or after doing the work. */
function memoryVendor(
  script: (call: Call, n: number) => "ok" | "fail-before" | "fail-after" = () => "ok",
  constraints: Record<string, CodeConstraints> = {},
) {
  const pins = new Map<string, LockPin[]>();
  const calls: Call[] = [];
  let nextId = 1;
  const step = (call: Call) => {
    calls.push(call);
    return script(call, calls.length);
  };
  const lost = () => new LockProviderError("Lock service answered 504", true);
  const provider: LockProvider = {
    async findPins(lockId, label) {
      if (step("find") !== "ok") throw lost();
      return (pins.get(lockId) ?? []).filter((p) => p.label === label);
    },
    async createPin(request: PinRequest) {
      const outcome = step("create");
      if (outcome === "fail-before") throw lost();
      const pin: LockPin = {
        pinId: `pin-${nextId++}`,
        lockId: request.lockId,
        label: request.label,
        code: request.code,
        state: "setting",
      };
      pins.set(request.lockId, [...(pins.get(request.lockId) ?? []), pin]);
      if (outcome === "fail-after") throw lost();
      return pin;
    },
    async deletePin(lockId, pinId) {
      if (step("delete") !== "ok") throw lost();
      pins.set(
        lockId,
        (pins.get(lockId) ?? []).filter((p) => p.pinId !== pinId),
      );
    },
    async getDevice(lockId) {
      const rules = constraints[lockId] ?? { lengths: [], rules: [], unsupported: [] };
      return { lockId, name: lockId, online: true, batteryLevel: null, constraints: rules };
    },
    async listDevices() {
      return [];
    },
    async updatePinWindow() {},
    async getPins(ids) {
      return [...pins.values()].flat().filter((p) => ids.includes(p.pinId));
    },
    async pinStates(ids) {
      const all = [...pins.values()].flat();
      return new Map(ids.map((id) => [id, all.find((p) => p.pinId === id)?.state ?? "removed"]));
    },
  };
  return { provider, pins, calls };
}

function session(provider: LockProvider, initial: CheckinState) {
  let state = initial;
  const deps = {
    current: () => state,
    dispatch: async (event: FlowEvent) => {
      const r = applyEvent(state, event, T0);
      if (r.ok) state = r.state;
      return r.ok;
    },
    provider,
    policy: { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 100 },
    now: () => T0,
    random: () => 0.5,
    randomUint32: counter(),
  };
  return {
    get state() {
      return state;
    },
    attempt: () => runPinAttempt(deps),
    cleanUp: () => deleteQueuedPins(deps),
  };
}

/** Walks 0, 1, 2, … so the first code a rule allows is predictable. */
function counter() {
  let n = 0;
  return () => n++;
}

const creatingPins = () => run(start(), { type: "details", details });

describe("one PIN attempt", () => {
  it("creates both PINs without looking for old ones when no attempt was ever made", async () => {
    const vendor = memoryVendor();
    const s = session(vendor.provider, creatingPins());
    await s.attempt();
    expect(vendor.calls).toEqual(["create", "create"]);
    expect(s.state.pin).toMatchObject({ status: "ready", attempts: 1, frontDoorPinId: "pin-1", roomPinId: "pin-2" });
  });

  it("after a lost answer, finds the PIN that landed instead of making a second one", async () => {
    const vendor = memoryVendor((call, n) => (call === "create" && n === 1 ? "fail-after" : "ok"));
    const s = session(vendor.provider, creatingPins());
    await s.attempt();
    expect(s.state.pin).toMatchObject({ status: "creating", attempts: 1, frontDoorPinId: null });
    await s.attempt();
    expect(vendor.calls).toEqual(["create", "find", "find", "create"]);
    expect(s.state.pin).toMatchObject({ status: "ready", attempts: 2, frontDoorPinId: "pin-1", roomPinId: "pin-2" });
    expect([...vendor.pins.values()].map((p) => p.length)).toEqual([1, 1]);
  });

  it("looks for old PINs after staff retry a failed run, since that run may have left some", async () => {
    const vendor = memoryVendor((call, n) => (n <= 5 ? (call === "create" ? "fail-after" : "fail-before") : "ok"));
    const s = session(vendor.provider, creatingPins());
    for (let i = 0; i < 5; i++) await s.attempt();
    expect(s.state.pin).toMatchObject({ status: "failed", attempts: 5 });
    const retried = session(vendor.provider, run(s.state, { type: "retry-pins", now: T0 }));
    await retried.attempt();
    expect(vendor.calls.slice(5)).toEqual(["find", "find", "create"]);
    expect(retried.state.pin).toMatchObject({ status: "ready", attempts: 1, frontDoorPinId: "pin-1" });
    expect([...vendor.pins.values()].map((p) => p.length)).toEqual([1, 1]);
  });

  it("treats a session stored before the first-attempt marker existed as possibly holding PINs", async () => {
    const vendor = memoryVendor();
    const { format: _format, ...current } = creatingPins();
    const { vendorContacted: _contacted, ...pinV1 } = current.pin;
    const s = session(vendor.provider, migrateStoredState({ ...current, pin: pinV1 } satisfies StoredStateV1));
    await s.attempt();
    expect(vendor.calls).toEqual(["find", "create", "find", "create"]);
  });

  it("removes an expired session's PINs, and after a failure tries again no later than the retry policy allows", async () => {
    let failNextDelete = true;
    const vendor = memoryVendor((call) => {
      if (call !== "delete" || !failNextDelete) return "ok";
      failNextDelete = false;
      return "fail-before";
    });
    const s = session(vendor.provider, creatingPins());
    await s.attempt();
    const expired = session(vendor.provider, run(s.state, { type: "expired" }));
    expect(expired.state.pinsToDelete).toHaveLength(2);
    await expired.cleanUp();
    expect(expired.state).toMatchObject({ cleanupRetryAt: T0 + 100 });
    expect(expired.state.pinsToDelete).toHaveLength(2);
    await expired.cleanUp();
    expect(expired.state.pinsToDelete).toHaveLength(0);
    expect([...vendor.pins.values()].flat()).toEqual([]);
  });

  it("chooses and records a code both locks accept before sending one, when the session's is refused", async () => {
    const noZeros: CodeConstraints = { lengths: [4, 6], rules: ["no_zeros", "cannot_start_with_12"], unsupported: [] };
    const fourOnly: CodeConstraints = { lengths: [4], rules: [], unsupported: [] };
    const start = creatingPins();
    const vendor = memoryVendor(undefined, {
      [start.locks.frontDoorLockId]: noZeros,
      [start.locks.roomLockId]: fourOnly,
    });
    const s = session(vendor.provider, start);
    await s.attempt();
    const code = s.state.pin.code!;
    expect(code).toHaveLength(4);
    expect(code).not.toMatch(/0/);
    expect(code.startsWith("12")).toBe(false);
    expect([...vendor.pins.values()].flat().map((p) => p.code)).toEqual([code, code]);
    expect(s.state.pin.status).toBe("ready");
  });

  it("keeps the session's code when every lock accepts it", async () => {
    const start = creatingPins();
    const vendor = memoryVendor(undefined, {
      [start.locks.frontDoorLockId]: { lengths: [6], rules: [], unsupported: [] },
    });
    const before = start.pin.code;
    const s = session(vendor.provider, start);
    await s.attempt();
    expect(s.state.pin.code).toBe(before);
  });

  it("fails for good, in words for the desk, when the locks share no code length", async () => {
    const start = creatingPins();
    const vendor = memoryVendor(undefined, {
      [start.locks.frontDoorLockId]: { lengths: [4], rules: [], unsupported: [] },
      [start.locks.roomLockId]: { lengths: [6], rules: [], unsupported: [] },
    });
    const s = session(vendor.provider, start);
    await s.attempt();
    expect(vendor.calls).toEqual([]);
    expect(s.state.pin).toMatchObject({
      status: "failed",
      failureDetail: "The locks of this room accept no code length in common",
    });
  });

  it("replaces a PIN of ours that carries other digits instead of reusing it", async () => {
    const vendor = memoryVendor();
    const start = creatingPins();
    start.pin.vendorContacted = true;
    const label = `frontdoor:${start.sessionId}`;
    const stale: LockPin = {
      pinId: "stale",
      lockId: start.locks.frontDoorLockId,
      label,
      code: "975318",
      state: "setting",
    };
    vendor.pins.set(start.locks.frontDoorLockId, [stale]);
    const s = session(vendor.provider, start);
    await s.attempt();
    expect(vendor.pins.get(start.locks.frontDoorLockId)!.map((p) => p.code)).toEqual([start.pin.code]);
    expect(s.state.pin.frontDoorPinId).not.toBe("stale");
  });
});
