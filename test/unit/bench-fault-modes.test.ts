import { describe, expect, it } from "vitest";
import {
  EXPECTED,
  FAULT_MODES,
  mismatches,
  modeOf,
  tallyModes,
  type FaultMode,
  type ModeObservation,
} from "../../bench/lib/fault-modes";
import { ledgerIsExact, type Ledger } from "../../bench/lib/ledger";

/** An observation that ends exactly as its mode must. */
function asExpected(mode: FaultMode): ModeObservation {
  const want = EXPECTED[mode];
  return {
    mode,
    completed: true,
    roomCodes: Array.from({ length: want.roomCodes }, () => ({ status: "set", failed: false })),
    frontDoorCodes: 1,
    boardRoom: want.boardRoom,
    boardFrontDoor: "set",
    backupsGiven: want.backup ? 1 : 0,
    alert: want.alert,
  };
}

describe("fault modes", () => {
  it("puts every mode on a twelfth of the reservations and leaves half healthy", () => {
    const modes = Array.from({ length: 120 }, (_, i) => modeOf(i));
    for (const mode of FAULT_MODES.filter((m) => m !== "none"))
      expect(modes.filter((m) => m === mode)).toHaveLength(10);
    expect(modes.filter((m) => m === "none")).toHaveLength(60);
    expect(new Set(modes.slice(0, 12))).toEqual(new Set(FAULT_MODES));
  });

  it("accepts each mode's expected end and names what differs otherwise", () => {
    for (const mode of FAULT_MODES) expect(mismatches(asExpected(mode))).toEqual([]);
    expect(mismatches({ ...asExpected("none"), completed: false })).toEqual(["check-in not completed"]);
    expect(mismatches({ ...asExpected("removed"), boardRoom: "set", alert: false })).toEqual([
      "room lock set on the board",
      "no door alert",
    ]);
    expect(mismatches({ ...asExpected("fail_later"), backupsGiven: 0, alert: true })).toEqual([
      "no backup given",
      "an unexpected door alert",
    ]);
    expect(mismatches({ ...asExpected("offline"), backupsGiven: 2 })).toEqual(["2 backups"]);
    const twice = { status: "setting", failed: false };
    expect(mismatches({ ...asExpected("stuck"), roomCodes: [twice, twice] })).toEqual(["2 codes on the room lock"]);
    expect(mismatches({ ...asExpected("none"), frontDoorCodes: 0 })).toEqual(["0 codes on the front door"]);
  });

  it("tallies per mode: lost, duplicates, backups, alerts and the reservations that went wrong", () => {
    const seen = [
      { ...asExpected("none"), bookingRef: "A" },
      { ...asExpected("none"), bookingRef: "B", completed: false },
      { ...asExpected("offline"), bookingRef: "C" },
      {
        ...asExpected("stuck"),
        bookingRef: "D",
        roomCodes: [
          { status: "setting", failed: false },
          { status: "setting", failed: false },
        ],
      },
      { ...asExpected("removed"), bookingRef: "E" },
    ];
    const rows = tallyModes(seen);
    expect(rows.map((r) => r.mode)).toEqual(["none", "offline", "stuck", "removed"]);
    const none = rows.find((r) => r.mode === "none")!;
    expect(none).toMatchObject({ reservations: 2, completed: 1, lost: 1, asExpected: 1, confirmed: 2 });
    expect(none.problems).toEqual(["none B: check-in not completed"]);
    expect(rows.find((r) => r.mode === "offline")).toMatchObject({ backupsGiven: 1, alerts: 0, duplicates: 0 });
    expect(rows.find((r) => r.mode === "stuck")).toMatchObject({ duplicates: 1, alerts: 1, roomCodes: { "2": 1 } });
    expect(rows.find((r) => r.mode === "removed")).toMatchObject({ roomCodes: { "0": 1 }, asExpected: 1 });
  });
});

describe("ledger with room locks judged elsewhere", () => {
  const ledger = (over: Partial<Ledger>): Ledger => ({
    reservations: 4,
    guestsPerReservation: { "1": 4 },
    pinSetsPerReservation: { "1": 4 },
    frontDoorDuplicateLabels: 0,
    frontDoorPins: 4,
    ...over,
  });

  it("wants one code on every counted room lock, and a front-door code for every reservation", () => {
    expect(ledgerIsExact(ledger({}))).toBe(true);
    expect(ledgerIsExact(ledger({ pinSetsPerReservation: { "1": 3 }, roomLocksSkipped: 1 }))).toBe(true);
    expect(ledgerIsExact(ledger({ pinSetsPerReservation: { "1": 3 } }))).toBe(false);
    expect(ledgerIsExact(ledger({ pinSetsPerReservation: { "1": 2, "2": 1 }, roomLocksSkipped: 1 }))).toBe(false);
    expect(ledgerIsExact(ledger({ pinSetsPerReservation: { "1": 3 }, roomLocksSkipped: 1, frontDoorPins: 3 }))).toBe(
      false,
    );
  });
});
