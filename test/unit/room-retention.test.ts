import { describe, expect, it } from "vitest";
import { applyEvent, nextWakeUp, type CheckinState } from "../../domain/checkin-flow";
import { isRoomWipeDue, roomWakeUp, roomWipeAt } from "../../domain/room-retention";
import { details, run, start, T0 } from "../support/flow-fixture";

const EXPIRY_MS = 120 * 60_000;
const RETENTION_MS = 24 * 3600_000;
/** The fixture's stay ends 2026-11-28 11:00 in London (GMT then). */
const CHECKOUT = Date.UTC(2026, 10, 28, 11, 0);

function completed(): CheckinState {
  return run(
    start(),
    { type: "details", details },
    { type: "parking", parking: { hasCar: false } },
    { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
    { type: "pin-progress", frontDoorPinId: "pin-front", roomPinId: "pin-room" },
    { type: "confirm" },
    { type: "pin-ready" },
    { type: "completed", stayToken: "t".repeat(43) },
  );
}

function expired(): CheckinState {
  const r = applyEvent(
    run(
      start(),
      { type: "details", details },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "pin-progress", frontDoorPinId: "pin-front", roomPinId: "pin-room" },
      { type: "pin-ready" },
    ),
    { type: "expired" },
    T0 + EXPIRY_MS,
  );
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

describe("room retention", () => {
  it("keeps a live session's room, whatever the time", () => {
    const live = run(start(), { type: "details", details });
    expect(roomWipeAt(live, RETENTION_MS)).toBeNull();
    expect(isRoomWipeDue(live, RETENTION_MS, T0 + 365 * 86_400_000)).toBe(false);
  });

  it("keeps a completed check-in's room until checkout plus the retention time", () => {
    const done = completed();
    expect(roomWipeAt(done, RETENTION_MS)).toBe(CHECKOUT + RETENTION_MS);
    expect(isRoomWipeDue(done, RETENTION_MS, CHECKOUT + RETENTION_MS - 1)).toBe(false);
    expect(isRoomWipeDue(done, RETENTION_MS, CHECKOUT + RETENTION_MS)).toBe(true);
  });

  it("counts a late checkout, in the property's time zone", () => {
    const late = completed();
    const withLate = { ...late, reservation: { ...late.reservation, lateCheckoutTime: "14:30" } };
    expect(roomWipeAt(withLate, 0)).toBe(Date.UTC(2026, 10, 28, 14, 30));
    const tokyo = { ...late, locks: { ...late.locks, timeZone: "Asia/Tokyo" } };
    expect(roomWipeAt(tokyo, 0)).toBe(Date.UTC(2026, 10, 28, 2, 0));
  });

  it("wipes an expired session's room the retention time after it ended, once its codes are off the locks", () => {
    const ended = expired();
    expect(ended.pinsToDelete).toHaveLength(2);
    const wipeAt = T0 + EXPIRY_MS + RETENTION_MS;
    expect(roomWipeAt(ended, RETENTION_MS)).toBe(wipeAt);
    // Codes still to be removed keep the room: its alarm goes on retrying them.
    expect(isRoomWipeDue(ended, RETENTION_MS, wipeAt)).toBe(false);
    const cleaned = { ...ended, pinsToDelete: [], cleanupRetryAt: null };
    expect(isRoomWipeDue(cleaned, RETENTION_MS, wipeAt - 1)).toBe(false);
    expect(isRoomWipeDue(cleaned, RETENTION_MS, wipeAt)).toBe(true);
  });

  it("arms the alarm for the wipe once nothing sooner is due", () => {
    const cleaned = { ...expired(), pinsToDelete: [], cleanupRetryAt: null };
    expect(roomWakeUp(cleaned, EXPIRY_MS, RETENTION_MS, T0)).toBe(T0 + EXPIRY_MS + RETENTION_MS);
    // Clean-up due now comes first.
    expect(roomWakeUp(expired(), EXPIRY_MS, RETENTION_MS, T0 + EXPIRY_MS)).toBe(T0 + EXPIRY_MS);
    const done = { ...completed(), lockCodes: null };
    expect(roomWakeUp(done, EXPIRY_MS, RETENTION_MS, T0)).toBe(CHECKOUT + RETENTION_MS);
    // A live session wakes for its own work only.
    const live = run(start(), { type: "details", details });
    expect(roomWakeUp(live, EXPIRY_MS, RETENTION_MS, T0)).toBe(nextWakeUp(live, EXPIRY_MS, T0));
    expect(roomWakeUp(live, EXPIRY_MS, RETENTION_MS, T0)).toBe(live.pin.nextAttemptAt);
  });
});
