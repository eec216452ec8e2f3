// The front desk's live list. Updates can arrive out of order (several HTTP calls in
// flight from one session), so a session's entry only moves forward in version.
import type { PinStatus } from "./checkin-types";
import type { DeviceType } from "./device-type";
import type { Language } from "./languages";
import type { LockCodeState, LockSide } from "./lock-code-tracking";
import type { StepName } from "./steps";

/** One session as the board shows it to signed-in staff. */
export interface BoardSession {
  sessionId: string;
  bookingRef: string;
  guestName: string | null;
  step: StepName;
  deviceType: DeviceType;
  pinStatus: PinStatus;
  pinAttempts: number;
  pinError: string | null;
  /** Per lock, once the codes were sent: "sent to the lock" (`setting`) or "confirmed on the lock" (`set`). */
  locks?: { frontDoor: LockCodeState | null; room: LockCodeState | null };
  startedAt: number;
  updatedAt: number;
  completedAt: number | null;
  /** The language the guest reads the check-in in; null until their device says. */
  language?: Language | null;
  /** What the door needs from the desk: door trouble, backup codes, the arrival deadline (once codes were sent). */
  door?: BoardDoor;
  /** Increases with every change, so the board can drop events that arrive out of order. */
  version: number;
  /** Present once the booking changed after check-in: where the door codes now are, or that it was cancelled. */
  stay?: BoardStay;
}

export interface BoardStay {
  roomName: string;
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
  cancelled: boolean;
  /** The door codes: still being moved to the new window or lock, done, or given up on (`failed`). */
  codes: "moving" | "done" | "failed";
}

export interface BoardDoor {
  /** When the stay's code starts to open the doors, epoch ms. */
  arrivalAt: number;
  /** A code not confirmed on its lock by then is an alert on the board. */
  confirmBy: number;
  trouble: { reportedAt: number; reports: number } | null;
  /** Which locks the guest holds a backup code for (the digits never reach the board). */
  backups: { frontDoor: boolean; room: boolean };
  /** Locks that needed a backup code when none was left. */
  noBackup: LockSide[];
  /** The last lock and door events, oldest first, in plain words. */
  events: { at: number; text: string }[];
}

/** Finished sessions stay on the board for a working day, then drop off. */
export const BOARD_RETENTION_MS = 24 * 3600_000;

export function mergeBoardSession(current: BoardSession | undefined, incoming: BoardSession): BoardSession | null {
  if (current && current.version >= incoming.version) return null;
  return incoming;
}

export function isStale(session: BoardSession, now: number): boolean {
  return now - session.updatedAt > BOARD_RETENTION_MS;
}
