import { describe, expect, it } from "vitest";
import { migrateStoredState, STATE_FORMAT, type StoredStateV1 } from "../../domain/checkin-state-migrations";
import { start } from "../support/flow-fixture";

/** A session as format 1 stored it: no format, and `vendorContacted` only when it was set. */
function storedV1(vendorContacted?: boolean): StoredStateV1 {
  const { format: _format, ...state } = start();
  const { vendorContacted: _contacted, ...pin } = state.pin;
  return { ...state, pin: vendorContacted === undefined ? pin : { ...pin, vendorContacted } };
}

describe("migrateStoredState", () => {
  it("reads today's format as it is", () => {
    const current = start();
    expect(current.format).toBe(STATE_FORMAT);
    expect(migrateStoredState(structuredClone(current))).toEqual(current);
  });

  it("format 1 -> 2: a session stored before the vendor marker counts as having contacted the vendor", () => {
    const migrated = migrateStoredState(storedV1());
    expect(migrated.format).toBe(2);
    expect(migrated.pin.vendorContacted).toBe(true);
    const {
      format: _f,
      pin: { vendorContacted: _v, ...pin },
      ...rest
    } = migrated;
    const {
      pin: { vendorContacted: _v1, ...pinV1 },
      ...restV1
    } = storedV1();
    expect({ ...rest, pin }).toEqual({ ...restV1, pin: pinV1 });
  });

  it("format 1 -> 2: keeps a marker format 1 did store", () => {
    expect(migrateStoredState(storedV1(false)).pin.vendorContacted).toBe(false);
    expect(migrateStoredState(storedV1(true)).pin.vendorContacted).toBe(true);
  });

  it("refuses a format newer than this code rather than misreading it", () => {
    expect(() => migrateStoredState({ ...start(), format: STATE_FORMAT + 1 })).toThrow(/format 3/);
  });
});
