// Locks with no smart-lock service behind them: a key box or a standalone keypad whose
// code a manager sets by hand. A room's lock id says which kind it is: `manual:<id>`
// names a manual lock of the property, anything else is a device of the lock service.
// The code is the same for every guest until a manager changes it, so the guest sees it
// only inside their stay window, and the desk asks for a new one after each stay ends.
import type { LockSide } from "./lock-code-tracking";

export const MANUAL_LOCK_PREFIX = "manual:";

export const isManualLockId = (lockId: string) => lockId.startsWith(MANUAL_LOCK_PREFIX);
export const manualLockRef = (manualLockId: string) => `${MANUAL_LOCK_PREFIX}${manualLockId}`;
/** The manual lock's own id inside a room's lock id; null for a smart lock's id. */
export const manualLockIdOf = (lockId: string) =>
  isManualLockId(lockId) ? lockId.slice(MANUAL_LOCK_PREFIX.length) : null;

export interface SessionLockIds {
  frontDoorLockId: string;
  roomLockId: string;
}

export const sideLockId = (locks: SessionLockIds, side: LockSide) =>
  side === "frontDoor" ? locks.frontDoorLockId : locks.roomLockId;

/** The sides whose lock is a manual one: no lock service is called for them. */
export const manualSides = (locks: SessionLockIds): LockSide[] =>
  (["frontDoor", "room"] as const).filter((side) => isManualLockId(sideLockId(locks, side)));

export const smartSides = (locks: SessionLockIds): LockSide[] =>
  (["frontDoor", "room"] as const).filter((side) => !isManualLockId(sideLockId(locks, side)));

/** Key boxes take 3 or 4 digits, keypads up to 8; 12 covers every keypad a small property buys. */
export const MANUAL_CODE_MIN = 3;
export const MANUAL_CODE_MAX = 12;

export type ManualCodeCheck = { ok: true; code: string } | { ok: false; reason: string };

/** Spaces a manager types to read the code back are dropped; anything else but digits is refused. */
export function validateManualCode(input: string): ManualCodeCheck {
  const code = input.replace(/\s/g, "");
  if (code === "") return { ok: false, reason: "Enter the code" };
  if (!/^\d+$/.test(code)) return { ok: false, reason: "Enter the code as digits only" };
  if (code.length < MANUAL_CODE_MIN || code.length > MANUAL_CODE_MAX)
    return { ok: false, reason: `Enter the code as ${MANUAL_CODE_MIN} to ${MANUAL_CODE_MAX} digits` };
  return { ok: true, code };
}

export const validateManualLockName = (input: string): { ok: true; name: string } | { ok: false; reason: string } => {
  const name = input.trim();
  if (name === "") return { ok: false, reason: "Enter a name for the lock" };
  if (name.length > 60) return { ok: false, reason: "Enter a name of 60 characters or fewer" };
  return { ok: true, name };
};

/** Where now falls against the stay window: a manual code is shown only `during` it. */
export type ManualCodePhase = "before" | "during" | "after";

export function manualCodePhase(window: { startsAt: number; endsAt: number }, now: number): ManualCodePhase {
  if (now < window.startsAt) return "before";
  return now < window.endsAt ? "during" : "after";
}

/** The code itself only inside the window; outside it the guest learns when (before) or nothing (after). */
export function visibleManualCode(code: string | null, window: { startsAt: number; endsAt: number }, now: number) {
  const phase = manualCodePhase(window, now);
  return { phase, code: phase === "during" ? code : null };
}

/** The next instant the phase changes, so the stay page is told without waiting for anything else. */
export function nextPhaseChange(window: { startsAt: number; endsAt: number }, now: number): number | null {
  if (now < window.startsAt) return window.startsAt;
  return now < window.endsAt ? window.endsAt : null;
}

/**
 * A manual code is due for a new one once a stay that could see it has ended after it was
 * set: that guest still knows it. Returns the end of the latest such stay, or null.
 */
export function rotationDueSince(codeSetAt: number | null, stayEnds: readonly number[], now: number): number | null {
  if (codeSetAt === null) return null;
  let due: number | null = null;
  for (const end of stayEnds) if (end > codeSetAt && end <= now && (due === null || end > due)) due = end;
  return due;
}
