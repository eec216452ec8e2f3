import { describe, expect, it } from "vitest";
import {
  isManualLockId,
  manualCodePhase,
  manualLockIdOf,
  manualLockRef,
  manualSides,
  nextPhaseChange,
  rotationDueSince,
  smartSides,
  validateManualCode,
  validateManualLockName,
  visibleManualCode,
} from "../../domain/manual-lock";
import { toPublicState } from "../../domain/checkin-flow";
import { startTracking } from "../../domain/lock-code-tracking";
import { details, run, start } from "../support/flow-fixture";

const HOUR = 3_600_000;
const window = { startsAt: 10 * HOUR, endsAt: 30 * HOUR };

describe("manual lock ids", () => {
  it("marks a manual lock by its prefix and leaves every other id to the lock service", () => {
    expect(manualLockRef("mlk_1")).toBe("manual:mlk_1");
    expect(isManualLockId("manual:mlk_1")).toBe(true);
    expect(isManualLockId("seam-device-1")).toBe(false);
    expect(manualLockIdOf("manual:mlk_1")).toBe("mlk_1");
    expect(manualLockIdOf("seam-device-1")).toBeNull();
  });

  it("splits a stay's locks into manual and smart sides, mixed or not", () => {
    const mixed = { frontDoorLockId: "seam-front", roomLockId: "manual:mlk_1" };
    expect(manualSides(mixed)).toEqual(["room"]);
    expect(smartSides(mixed)).toEqual(["frontDoor"]);
    const allManual = { frontDoorLockId: "manual:a", roomLockId: "manual:b" };
    expect(manualSides(allManual)).toEqual(["frontDoor", "room"]);
    expect(smartSides(allManual)).toEqual([]);
  });
});

describe("validateManualCode", () => {
  it("takes 3 to 12 digits, dropping spaces typed to read it back", () => {
    expect(validateManualCode("1 2 3 4")).toEqual({ ok: true, code: "1234" });
    expect(validateManualCode("007")).toEqual({ ok: true, code: "007" });
    expect(validateManualCode("123456789012")).toEqual({ ok: true, code: "123456789012" });
  });

  it("refuses empty, non-digit, too short and too long codes with a reason", () => {
    expect(validateManualCode("  ")).toEqual({ ok: false, reason: "Enter the code" });
    expect(validateManualCode("12a4")).toEqual({ ok: false, reason: "Enter the code as digits only" });
    expect(validateManualCode("12")).toEqual({ ok: false, reason: "Enter the code as 3 to 12 digits" });
    expect(validateManualCode("1234567890123")).toEqual({ ok: false, reason: "Enter the code as 3 to 12 digits" });
    expect(validateManualCode("١٢٣٤").ok).toBe(false);
  });

  it("names a lock with 1 to 60 characters", () => {
    expect(validateManualLockName("  Key box  ")).toEqual({ ok: true, name: "Key box" });
    expect(validateManualLockName(" ").ok).toBe(false);
    expect(validateManualLockName("x".repeat(61)).ok).toBe(false);
  });
});

describe("the stay window rule", () => {
  it("shows the code only from the window's start until its end", () => {
    expect(visibleManualCode("1234", window, window.startsAt - 1)).toEqual({ phase: "before", code: null });
    expect(visibleManualCode("1234", window, window.startsAt)).toEqual({ phase: "during", code: "1234" });
    expect(visibleManualCode("1234", window, window.endsAt - 1)).toEqual({ phase: "during", code: "1234" });
    expect(visibleManualCode("1234", window, window.endsAt)).toEqual({ phase: "after", code: null });
    expect(manualCodePhase(window, window.endsAt + HOUR)).toBe("after");
  });

  it("wakes the room when the window opens and when it closes, then never", () => {
    expect(nextPhaseChange(window, 0)).toBe(window.startsAt);
    expect(nextPhaseChange(window, window.startsAt)).toBe(window.endsAt);
    expect(nextPhaseChange(window, window.endsAt)).toBeNull();
  });
});

describe("rotationDueSince", () => {
  const setAt = 5 * HOUR;
  it("is due once a stay ends after the code was set, from that stay's end", () => {
    expect(rotationDueSince(setAt, [30 * HOUR], 31 * HOUR)).toBe(30 * HOUR);
    expect(rotationDueSince(setAt, [20 * HOUR, 30 * HOUR, 25 * HOUR], 40 * HOUR)).toBe(30 * HOUR);
  });

  it("is not due while the stay is still on, for stays that ended before the code was set, or with no code", () => {
    expect(rotationDueSince(setAt, [30 * HOUR], 29 * HOUR)).toBeNull();
    expect(rotationDueSince(setAt, [4 * HOUR], 40 * HOUR)).toBeNull();
    expect(rotationDueSince(setAt, [], 40 * HOUR)).toBeNull();
    expect(rotationDueSince(null, [30 * HOUR], 40 * HOUR)).toBeNull();
  });

  it("clears when a new code is set after the stay ended", () => {
    expect(rotationDueSince(31 * HOUR, [30 * HOUR], 40 * HOUR)).toBeNull();
  });
});

describe("tracking with a manual lock", () => {
  it("counts a manual side as confirmed at once and polls only for the smart side", () => {
    const t = startTracking(["frontDoor"], 1_000, 500, ["room"]);
    expect(t.frontDoor).toEqual({ state: "setting", at: 1_000, assumed: true });
    expect(t.room).toEqual({ state: "set", at: 1_000 });
    expect(t.nextPollAt).toBe(1_500);
    const allManual = startTracking([], 1_000, 500, ["frontDoor", "room"]);
    expect(allManual.nextPollAt).toBeNull();
  });
});

describe("a session with a manual room lock", () => {
  const manualRoom = () => {
    const s = start();
    return { ...s, locks: { ...s.locks, roomLockId: "manual:mlk_1" } };
  };

  it("is ready with the front door's code sent and the room's manual code confirmed at once", () => {
    const ready = run(
      manualRoom(),
      { type: "details", details },
      { type: "pin-progress", frontDoorPinId: "p1" },
      { type: "pin-ready", pollMs: 1_000 },
    );
    expect(ready.pin.status).toBe("ready");
    expect(toPublicState(ready).pin.locks).toEqual({ frontDoor: "setting", room: "set" });
  });

  it("moving to a manual room lock after check-in makes no code for it", () => {
    const done = run(
      start(),
      { type: "details", details },
      { type: "parking", parking: { hasCar: false } },
      { type: "confirm" },
      { type: "pin-progress", frontDoorPinId: "p1", roomPinId: "p2" },
      { type: "pin-ready", pollMs: 1_000 },
      { type: "completed", stayToken: "t".repeat(43) },
    );
    const moved = run(done, {
      type: "stay-changed",
      change: {
        reservation: { ...done.reservation, roomName: "Room 3" },
        locks: { ...done.locks, roomId: "room-3", roomLockId: "manual:mlk_1" },
      },
    });
    expect(moved.pinsToDelete).toEqual([{ lockId: done.locks.roomLockId, pinId: "p2" }]);
    expect(moved.follow?.create).toEqual([]);
    expect(moved.lockCodes?.room?.state).toBe("set");
  });
});
