// What happens at the door once a stay's code was sent: backup codes given when a lock
// refuses the code for good or is offline at arrival, the guest saying "code not
// working", and the desk's alert for a code still unconfirmed after arrival. Pure:
// the check-in room stores the result and tells the guest and the board.
import type { LockCodeState, LockCodeTracking, LockSide } from "./lock-code-tracking";

/** A backup code given to the guest for one lock; where it came from decides nothing but the desk's wording. */
export interface GivenBackup {
  code: string;
  /** `seam`: pulled from the lock service's pre-programmed pool; `pool`: one a manager entered. */
  source: "seam" | "pool";
  by: "auto" | "staff";
  at: number;
}

export interface DoorEvent {
  at: number;
  /** Plain words for the desk; never a code or personal data. */
  text: string;
}

export interface DoorState {
  /** Bumped on every change, so the board can tell a newer copy from an older one. */
  revision: number;
  backups: Record<LockSide, GivenBackup | null>;
  /** The last time the guest said the code does not work, and how many times they have. */
  trouble: { reportedAt: number; reports: number } | null;
  /** Sides with no backup to give when one was needed: the desk must act by hand. */
  noBackup: LockSide[];
  /** Set once the locks were checked for being offline at arrival. */
  arrivalChecked: boolean;
  /** While the lock service cannot be read at arrival: how often it failed, and when to ask again. */
  arrivalRetry?: { failures: number; at: number };
  events: DoorEvent[];
}

const MAX_EVENTS = 10;
export const SIDES: readonly LockSide[] = ["frontDoor", "room"];
export const SIDE_WORDS: Record<LockSide, string> = { frontDoor: "Front door", room: "Room door" };

export function initialDoorState(): DoorState {
  return {
    revision: 0,
    backups: { frontDoor: null, room: null },
    trouble: null,
    noBackup: [],
    arrivalChecked: false,
    events: [],
  };
}

function withEvent(door: DoorState, at: number, text: string, change: Partial<DoorState>): DoorState {
  return { ...door, ...change, revision: door.revision + 1, events: [...door.events, { at, text }].slice(-MAX_EVENTS) };
}

export function reportTrouble(door: DoorState, now: number): DoorState {
  return withEvent(door, now, "Guest reported the code is not working", {
    trouble: { reportedAt: now, reports: (door.trouble?.reports ?? 0) + 1 },
  });
}

export function giveBackup(door: DoorState, side: LockSide, backup: GivenBackup): DoorState {
  const who = backup.by === "staff" ? "by staff" : "automatically";
  const from = backup.source === "seam" ? " from the lock's own backup pool" : "";
  return withEvent(door, backup.at, `${SIDE_WORDS[side]}: backup code given ${who}${from}`, {
    backups: { ...door.backups, [side]: backup },
    noBackup: door.noBackup.filter((s) => s !== side),
  });
}

/** Staff gave the guest a brand-new code: the guest's report is answered, so the alert for it ends. */
export function newCodeIssued(door: DoorState, now: number): DoorState {
  return withEvent(door, now, "New door code issued by staff", { trouble: null });
}

export function noBackupLeft(door: DoorState, side: LockSide, now: number): DoorState {
  if (door.noBackup.includes(side)) return door;
  return withEvent(door, now, `${SIDE_WORDS[side]}: no backup code left to give`, {
    noBackup: [...door.noBackup, side],
  });
}

export function arrivalChecked(door: DoorState, offline: readonly LockSide[], now: number): DoorState {
  const { arrivalRetry: _done, ...rest } = door;
  if (offline.length === 0) return { ...rest, arrivalChecked: true, revision: door.revision + 1 };
  const text = `Offline at arrival: ${offline.map((s) => SIDE_WORDS[s]).join(", ")}`;
  return withEvent(rest, now, text, { arrivalChecked: true });
}

/** Locks whose code will not work for good and that have no backup yet. */
export function sidesFailed(tracking: LockCodeTracking | null | undefined, door: DoorState): LockSide[] {
  if (!tracking) return [];
  return SIDES.filter((side) => tracking[side]?.state === "failed" && door.backups[side] === null);
}

/** The arrival check is due once the stay window opens and the codes were sent, and not before a retry's time. */
export function arrivalCheckDue(
  door: DoorState,
  tracking: LockCodeTracking | null | undefined,
  arrivalAt: number,
  now: number,
): boolean {
  return !door.arrivalChecked && !!tracking && now >= arrivalCheckAt(door, arrivalAt);
}

/** When the arrival check should run: at arrival, or later while the lock service keeps failing. */
export function arrivalCheckAt(door: DoorState, arrivalAt: number): number {
  return Math.max(arrivalAt, door.arrivalRetry?.at ?? 0);
}

const ARRIVAL_RETRY_FIRST_MS = 30_000;
const ARRIVAL_RETRY_MAX_MS = 15 * 60_000;

/**
 * The lock service could not be read at arrival: ask again after a doubling wait, so an
 * outage is not met with an alarm firing as fast as the room can wake.
 */
export function arrivalCheckFailed(door: DoorState, now: number): DoorState {
  const failures = (door.arrivalRetry?.failures ?? 0) + 1;
  const wait = Math.min(ARRIVAL_RETRY_FIRST_MS * 2 ** (failures - 1), ARRIVAL_RETRY_MAX_MS);
  return { ...door, arrivalRetry: { failures, at: now + wait } };
}

/** Locks that are offline at arrival while their code is not confirmed: the guest needs a backup for each. */
export function sidesOfflineAtArrival(
  tracking: LockCodeTracking,
  online: Record<LockSide, boolean | null>,
  door: DoorState,
): LockSide[] {
  return SIDES.filter(
    (side) => online[side] === false && tracking[side]?.state !== "set" && door.backups[side] === null,
  );
}

/** A code is "ready at the door" only when every lock it was sent to confirmed it. */
export function codeReady(locks: Record<LockSide, LockCodeState | null>): boolean {
  const sent = SIDES.filter((s) => locks[s] !== null);
  return sent.length > 0 && sent.every((s) => locks[s] === "set");
}

/**
 * The desk is alerted when a code sent to a lock is still not confirmed this long after
 * arrival time; a lock with a backup code given is in hand already.
 */
export function unconfirmedSides(
  locks: Record<LockSide, LockCodeState | null>,
  backups: Record<LockSide, boolean>,
  confirmBy: number,
  now: number,
): LockSide[] {
  if (now < confirmBy) return [];
  return SIDES.filter((s) => locks[s] !== null && locks[s] !== "set" && !backups[s]);
}

/** A code a manager types for a keypad or key box: digits only, as the lock takes them. */
export const BACKUP_CODE_PATTERN = /^\d{4,12}$/;

/** What staff see of a stored backup code: never more than its last two digits. */
export function maskedHint(code: string): string {
  return code.slice(-2);
}
