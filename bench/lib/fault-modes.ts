// The Seam failure modes the faults scenario puts on room locks, what each reservation
// must end with under its mode, and the per-mode tally. Pure: the scenario does the I/O.
// Modes go on room locks only: a room lock belongs to one reservation, so a mode's
// effect is that reservation's alone; the shared front door stays healthy.
import type { LockCodeState } from "../../domain/lock-code-tracking";

export const FAULT_MODES = [
  "none",
  "offline",
  "stuck",
  "fail_later",
  "removed",
  "low_battery",
  "webhooks_lost",
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** Plain words for the report. */
export const MODE_WORDS: Record<FaultMode, string> = {
  none: "healthy lock",
  offline: "lock offline at arrival, back later",
  stuck: "code stuck in `setting`",
  fail_later: "`failed_to_set_on_device` after a delay",
  removed: "code removed at the lock by someone else",
  low_battery: "low battery",
  webhooks_lost: "webhooks lost (polling only)",
};

/**
 * Half the reservations get a mode, the six modes taking turns; the rest stay healthy as
 * the control group. Deterministic, so a run is repeatable and every mode is present
 * once there are at least twelve guests.
 */
export function modeOf(index: number): FaultMode {
  const slot = index % 12;
  return slot < 6 ? FAULT_MODES[slot + 1]! : "none";
}

/** Modes whose lock gets a backup code in the pool before the run: the product may need one there. */
export const NEEDS_BACKUP_POOL: ReadonlySet<FaultMode> = new Set(["offline", "fail_later"]);

/** What one reservation ended with, as the simulator, the desk's board and the door-trouble log tell it. */
export interface ModeObservation {
  mode: FaultMode;
  /** The guest finished the check-in (stay page with a code). */
  completed: boolean;
  /** Codes the simulated Seam workspace holds on the room lock, with their status and errors. */
  roomCodes: { status: string; failed: boolean }[];
  /** Codes under this session's label on the shared front door. */
  frontDoorCodes: number;
  /** The room lock's state on the desk's board; null when the board has no lock state for it. */
  boardRoom: LockCodeState | null;
  boardFrontDoor: LockCodeState | null;
  /** Backup codes the door-trouble log says the guest was given (any lock). */
  backupsGiven: number;
  /** The desk's board shows a door alert for this session. */
  alert: boolean;
}

export interface ModeExpectation {
  /** Codes the room lock must hold at Seam in the end. */
  roomCodes: number;
  boardRoom: LockCodeState;
  backup: boolean;
  alert: boolean;
}

/**
 * What a property owner would want to see in the end, per mode. A stuck or removed code
 * is a person's job (the desk is alerted; the product does not override a removal made at
 * the lock); a failed code or an offline lock at arrival gets a backup code on its own,
 * which also keeps it off the alert list.
 */
export const EXPECTED: Record<FaultMode, ModeExpectation> = {
  none: { roomCodes: 1, boardRoom: "set", backup: false, alert: false },
  offline: { roomCodes: 1, boardRoom: "set", backup: true, alert: false },
  stuck: { roomCodes: 1, boardRoom: "setting", backup: false, alert: true },
  fail_later: { roomCodes: 1, boardRoom: "failed", backup: true, alert: false },
  removed: { roomCodes: 0, boardRoom: "removed", backup: false, alert: true },
  low_battery: { roomCodes: 1, boardRoom: "set", backup: false, alert: false },
  webhooks_lost: { roomCodes: 1, boardRoom: "set", backup: false, alert: false },
};

/** Why an observation is not what its mode must end with; empty when it is. */
export function mismatches(o: ModeObservation): string[] {
  const want = EXPECTED[o.mode];
  const out: string[] = [];
  if (!o.completed) out.push("check-in not completed");
  if (o.roomCodes.length !== want.roomCodes) out.push(`${o.roomCodes.length} codes on the room lock`);
  if (o.frontDoorCodes !== 1) out.push(`${o.frontDoorCodes} codes on the front door`);
  if (o.boardRoom !== want.boardRoom) out.push(`room lock ${o.boardRoom ?? "unknown"} on the board`);
  if (o.boardFrontDoor !== "set") out.push(`front door ${o.boardFrontDoor ?? "unknown"} on the board`);
  if (o.backupsGiven > 1) out.push(`${o.backupsGiven} backups`);
  if (o.backupsGiven > 0 !== want.backup) out.push(want.backup ? "no backup given" : "a backup given");
  if (o.alert !== want.alert) out.push(want.alert ? "no door alert" : "an unexpected door alert");
  return out;
}

export interface ModeRow {
  mode: FaultMode;
  reservations: number;
  completed: number;
  /** Check-ins that never finished: must be 0 in every mode. */
  lost: number;
  /** Room-lock code counts at Seam, e.g. {"1": 5}. */
  roomCodes: Record<string, number>;
  /** Reservations with more than one code on a lock (room, or its label on the front door): must be 0. */
  duplicates: number;
  /** Room codes confirmed on the lock in the end, per the board. */
  confirmed: number;
  backupsGiven: number;
  alerts: number;
  /** Reservations that ended as their mode must. */
  asExpected: number;
  /** One line per reservation that did not, for the failures list. */
  problems: string[];
}

export function tallyModes(observations: readonly (ModeObservation & { bookingRef: string })[]): ModeRow[] {
  return FAULT_MODES.flatMap((mode) => {
    const of = observations.filter((o) => o.mode === mode);
    if (of.length === 0) return [];
    const roomCodes: Record<string, number> = {};
    for (const o of of) roomCodes[o.roomCodes.length] = (roomCodes[o.roomCodes.length] ?? 0) + 1;
    const problems = of.flatMap((o) => {
      const m = mismatches(o);
      return m.length ? [`${mode} ${o.bookingRef}: ${m.join(", ")}`] : [];
    });
    return [
      {
        mode,
        reservations: of.length,
        completed: of.filter((o) => o.completed).length,
        lost: of.filter((o) => !o.completed).length,
        roomCodes,
        duplicates: of.filter((o) => o.roomCodes.length > 1 || o.frontDoorCodes > 1).length,
        confirmed: of.filter((o) => o.boardRoom === "set").length,
        backupsGiven: of.reduce((a, o) => a + o.backupsGiven, 0),
        alerts: of.filter((o) => o.alert).length,
        asExpected: of.length - problems.length,
        problems,
      },
    ];
  });
}
