import { describe, expect, it } from "vitest";
import {
  arrivalCheckAt,
  arrivalCheckDue,
  arrivalCheckFailed,
  arrivalChecked,
  codeReady,
  giveBackup,
  initialDoorState,
  maskedHint,
  noBackupLeft,
  reportTrouble,
  sidesFailed,
  sidesOfflineAtArrival,
  unconfirmedSides,
} from "../../domain/backup-codes";
import { startTracking, observe } from "../../domain/lock-code-tracking";

const T0 = 1_750_000_000_000;
const sent = startTracking(["frontDoor", "room"], T0, 1_000);
const failedRoom = observe(sent, [
  { side: "frontDoor", state: "set", at: T0 + 1 },
  { side: "room", state: "failed", at: T0 + 2 },
])!;
const backup = { code: "482913", source: "pool" as const, by: "auto" as const, at: T0 + 5 };

describe("backup codes", () => {
  it("a lock that refused the code for good needs a backup until it has one", () => {
    expect(sidesFailed(sent, initialDoorState())).toEqual([]);
    expect(sidesFailed(failedRoom, initialDoorState())).toEqual(["room"]);
    const given = giveBackup(initialDoorState(), "room", backup);
    expect(sidesFailed(failedRoom, given)).toEqual([]);
    expect(given.backups.room).toEqual(backup);
    expect(given.revision).toBe(1);
    expect(given.events.at(-1)?.text).toBe("Room door: backup code given automatically");
    expect(JSON.stringify(given.events)).not.toContain("482913");
  });

  it("no backup left is noted once per lock, and cleared by a later backup", () => {
    const none = noBackupLeft(initialDoorState(), "room", T0);
    expect(noBackupLeft(none, "room", T0 + 1)).toBe(none);
    expect(none.noBackup).toEqual(["room"]);
    expect(giveBackup(none, "room", { ...backup, by: "staff" }).noBackup).toEqual([]);
  });

  it("the arrival check is due once the window opens and codes were sent, and only once", () => {
    const door = initialDoorState();
    expect(arrivalCheckDue(door, null, T0, T0 + 1)).toBe(false);
    expect(arrivalCheckDue(door, sent, T0 + 10, T0)).toBe(false);
    expect(arrivalCheckDue(door, sent, T0, T0)).toBe(true);
    expect(arrivalCheckDue(arrivalChecked(door, [], T0), sent, T0, T0 + 1)).toBe(false);
    expect(arrivalChecked(door, ["room"], T0).events.at(-1)?.text).toBe("Offline at arrival: Room door");
  });

  it("waits longer after each failed arrival check, up to a cap, and forgets the waits once checked", () => {
    let door = initialDoorState();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      door = arrivalCheckFailed(door, T0);
      waits.push(arrivalCheckAt(door, T0) - T0);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    expect(arrivalCheckDue(door, sent, T0, T0 + 899_999)).toBe(false);
    expect(arrivalCheckDue(door, sent, T0, T0 + 900_000)).toBe(true);
    // A late arrival time still wins over an earlier retry time.
    expect(arrivalCheckAt(arrivalCheckFailed(initialDoorState(), T0), T0 + 3_600_000)).toBe(T0 + 3_600_000);
    const checked = arrivalChecked(door, [], T0 + 900_000);
    expect(checked.arrivalRetry).toBeUndefined();
    expect(checked.arrivalChecked).toBe(true);
  });

  it("only an offline lock whose code is not confirmed and has no backup needs one at arrival", () => {
    const setFront = observe(sent, [{ side: "frontDoor", state: "set", at: T0 + 1 }])!;
    const door = initialDoorState();
    expect(sidesOfflineAtArrival(setFront, { frontDoor: false, room: false }, door)).toEqual(["room"]);
    expect(sidesOfflineAtArrival(setFront, { frontDoor: true, room: true }, door)).toEqual([]);
    expect(sidesOfflineAtArrival(setFront, { frontDoor: null, room: false }, giveBackup(door, "room", backup))).toEqual(
      [],
    );
  });

  it("reports of trouble count up and record when", () => {
    const once = reportTrouble(initialDoorState(), T0);
    const twice = reportTrouble(once, T0 + 90_000);
    expect(twice.trouble).toEqual({ reportedAt: T0 + 90_000, reports: 2 });
    expect(twice.revision).toBe(2);
  });

  it("keeps the last ten events", () => {
    let door = initialDoorState();
    for (let i = 0; i < 15; i++) door = reportTrouble(door, T0 + i);
    expect(door.events).toHaveLength(10);
    expect(door.events[0]!.at).toBe(T0 + 5);
  });

  it("a code is ready only when every lock it was sent to confirmed it", () => {
    expect(codeReady({ frontDoor: null, room: null })).toBe(false);
    expect(codeReady({ frontDoor: "set", room: "setting" })).toBe(false);
    expect(codeReady({ frontDoor: "set", room: "set" })).toBe(true);
    expect(codeReady({ frontDoor: "set", room: null })).toBe(true);
  });

  it("alerts the desk on unconfirmed locks only after the deadline, and not where a backup was given", () => {
    const locks = { frontDoor: "set" as const, room: "setting" as const };
    const none = { frontDoor: false, room: false };
    expect(unconfirmedSides(locks, none, T0, T0 - 1)).toEqual([]);
    expect(unconfirmedSides(locks, none, T0, T0)).toEqual(["room"]);
    expect(unconfirmedSides({ frontDoor: "failed", room: "setting" }, none, T0, T0)).toEqual(["frontDoor", "room"]);
    expect(unconfirmedSides(locks, { frontDoor: false, room: true }, T0, T0)).toEqual([]);
  });

  it("staff see only the last two digits", () => {
    expect(maskedHint("739120")).toBe("20");
  });
});
