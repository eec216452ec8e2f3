// What a change to a checked-in booking means for the guest's door codes. A code is cut
// for one lock and one window: a new window is an update on the lock, a new lock is a
// delete on the old one and a create on the new one, a cancellation deletes them all.
// Pure decisions; party/bookings/follow-change.ts and the check-in room carry them out.
import type { ReservationSummary, SessionLocks } from "./checkin-types";
import type { LockSide } from "./lock-code-tracking";

/** The part of a booking a door code depends on: its room's locks and its stay window. */
export interface StayTarget {
  roomId: string;
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
}

/** Whether a booking edit touches what its door codes are cut for. */
export function stayMoved(before: StayTarget, after: StayTarget): boolean {
  return (
    before.roomId !== after.roomId ||
    before.checkInDate !== after.checkInDate ||
    before.checkOutDate !== after.checkOutDate ||
    before.earlyCheckInTime !== after.earlyCheckInTime ||
    before.lateCheckoutTime !== after.lateCheckoutTime
  );
}

/** What the check-in room is told when its booking changes after check-in. */
export interface StayChange {
  reservation: Pick<
    ReservationSummary,
    "roomName" | "checkInDate" | "checkOutDate" | "earlyCheckInTime" | "lateCheckoutTime"
  >;
  locks: SessionLocks;
}

export const LOCK_SIDES: readonly LockSide[] = ["frontDoor", "room"];
export const lockIdOf = (locks: SessionLocks, side: LockSide) =>
  side === "frontDoor" ? locks.frontDoorLockId : locks.roomLockId;

export interface FollowPlan {
  /** Sides whose lock changed: the code there goes, and one is made on the new lock. */
  move: LockSide[];
  /** Sides on the same lock whose window must be updated. */
  update: LockSide[];
  /** Whether the stay window (dates, times or the property's hours) is different. */
  windowChanged: boolean;
}

const windowKey = (r: StayChange["reservation"], l: SessionLocks) =>
  [
    r.checkInDate,
    r.checkOutDate,
    r.earlyCheckInTime,
    r.lateCheckoutTime,
    l.timeZone,
    l.standardCheckInTime,
    l.standardCheckoutTime,
  ].join("|");

/**
 * Which locks move and which only need a new window. A side that moves gets its window
 * with the new code, so it never needs an update as well.
 */
export function planFollow(current: StayChange, next: StayChange): FollowPlan {
  const windowChanged = windowKey(current.reservation, current.locks) !== windowKey(next.reservation, next.locks);
  const move = LOCK_SIDES.filter((side) => lockIdOf(current.locks, side) !== lockIdOf(next.locks, side));
  const update = windowChanged ? LOCK_SIDES.filter((side) => !move.includes(side)) : [];
  return { move, update, windowChanged };
}

/** Merges a new plan into one still being carried out; sides are listed once, moves win. */
export function mergeSides(pending: readonly LockSide[], added: readonly LockSide[]): LockSide[] {
  return LOCK_SIDES.filter((side) => pending.includes(side) || added.includes(side));
}

/** Words for the audit log and the desk: never a code, only what happened to it. */
export function followWords(plan: FollowPlan | "cancelled"): string {
  if (plan === "cancelled") return "door codes deleted";
  const parts: string[] = [];
  if (plan.move.length) parts.push(`door code moved to the new ${plan.move.map(sideWord).join(" and ")} lock`);
  if (plan.update.length) parts.push(`new window on the ${plan.update.map(sideWord).join(" and ")} lock`);
  return parts.join("; ") || "door codes unchanged";
}

const sideWord = (side: LockSide) => (side === "frontDoor" ? "front-door" : "room");
