// The session state machine's part in door codes reaching the locks: the code chosen for
// the locks' rules, and each lock's confirmation, also after the check-in completed.
import { describe, expect, it } from "vitest";
import { applyEvent, nextWakeUp, toPublicState } from "../../domain/checkin-flow";
import { details, run, start, T0 } from "../support/flow-fixture";

const creating = () => run(start(), { type: "details", details });
const confirmed = () => run(creating(), { type: "parking", parking: { hasCar: false } }, { type: "confirm" });
const sent = () =>
  run(
    confirmed(),
    { type: "pin-progress", frontDoorPinId: "p1", roomPinId: "p2" },
    { type: "pin-ready", pollMs: 1_000 },
  );

describe("door codes in the session", () => {
  it("takes a new code for the locks' rules only before any PIN exists", () => {
    expect(run(creating(), { type: "pin-code-chosen", code: "4829" }).pin.code).toBe("4829");
    const oneMade = run(creating(), { type: "pin-progress", frontDoorPinId: "p1" });
    expect(applyEvent(oneMade, { type: "pin-code-chosen", code: "4829" }, T0).ok).toBe(false);
  });

  it("shows each lock as sent once the codes are made, and wakes the room to poll", () => {
    const s = sent();
    expect(toPublicState(s).pin.locks).toEqual({ frontDoor: "setting", room: "setting" });
    expect(s.lockCodes!.nextPollAt).toBe(s.lockCodes!.since + 1_000);
    expect(nextWakeUp(s, 3_600_000, s.lockCodes!.since)).toBe(s.lockCodes!.since + 1_000);
  });

  it("still takes a lock's confirmation after the check-in completed", () => {
    const done = run(sent(), { type: "completed", stayToken: "t".repeat(43) });
    const later = done.lockCodes!.since + 5;
    const onLock = run(done, {
      type: "lock-codes-observed",
      observations: [{ side: "room", state: "set", at: later }],
    });
    expect(toPublicState(onLock).pin.locks).toEqual({ frontDoor: "setting", room: "set" });
  });

  it("stops tracking codes that are handed back for deletion", () => {
    const expired = run(sent(), { type: "expired" });
    expect(expired.lockCodes).toBeNull();
    expect(toPublicState(expired).pin.locks).toBeUndefined();
  });
});
