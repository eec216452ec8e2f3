// Reading manual codes for a stay, and working out which manual locks want a new code.
// A code leaves here only inside the stay window it is asked for: before the window the
// guest hears when, after it nothing. Whatever asks, the answer is per side of the stay.
import { manualLocksByIds, staysOnLocks, type ManualLockRow } from "../../db/queries/manual-locks";
import type { Database } from "../../db/client";
import type { LockSide } from "../../domain/lock-code-tracking";
import {
  manualLockIdOf,
  manualLockRef,
  rotationDueSince,
  sideLockId,
  visibleManualCode,
  type ManualCodePhase,
  type SessionLockIds,
} from "../../domain/manual-lock";
import { localDate, pinWindow } from "../../domain/pin-window";
import { openCode } from "./backup-code-crypto";

export interface ManualCodeView {
  phase: ManualCodePhase;
  /** Only while `phase` is `during`; null also when no code has been set yet. */
  code: string | null;
}

export type ManualCodes = Record<LockSide, ManualCodeView | null>;

export const NO_MANUAL_CODES: ManualCodes = { frontDoor: null, room: null };

/** The manual codes a stay may see now. No query at all when neither lock is manual. */
export async function manualCodesForStay(
  db: Database,
  secret: string,
  propertyId: string,
  locks: SessionLockIds,
  window: { startsAt: number; endsAt: number },
  now: number,
): Promise<ManualCodes> {
  const ids = (["frontDoor", "room"] as const).map((side) => manualLockIdOf(sideLockId(locks, side)));
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return NO_MANUAL_CODES;
  const rows = new Map((await manualLocksByIds(db, propertyId, wanted)).map((r) => [r.id, r]));
  const viewOf = async (id: string | null): Promise<ManualCodeView | null> => {
    if (id === null) return null;
    const shown = visibleManualCode(null, window, now);
    const row = rows.get(id);
    // The digits are opened only when they are to be shown.
    if (shown.phase !== "during" || !row?.codeCipher) return shown;
    return { phase: shown.phase, code: await openCode(secret, row.codeCipher) };
  };
  const [frontDoor, room] = await Promise.all(ids.map(viewOf));
  return { frontDoor: frontDoor ?? null, room: room ?? null };
}

export interface PropertyTimes {
  id: string;
  timeZone: string;
  standardCheckInTime: string;
  standardCheckoutTime: string;
}

const DAY_MS = 86_400_000;

/** Per manual lock id: since when a new code is due (a stay ended after it was set), or null. */
export async function rotationDue(
  db: Database,
  property: PropertyTimes,
  locks: readonly ManualLockRow[],
  now: number,
): Promise<Map<string, number | null>> {
  const withCode = locks.filter((l) => l.codeSetAt !== null);
  const due = new Map<string, number | null>(locks.map((l) => [l.id, null]));
  if (withCode.length === 0) return due;
  const oldest = Math.min(...withCode.map((l) => l.codeSetAt!));
  // A day's margin either side of the zone's date line; the exact rule is on instants below.
  const stays = await staysOnLocks(
    db,
    property.id,
    withCode.map((l) => manualLockRef(l.id)),
    localDate(oldest - DAY_MS, property.timeZone),
  );
  for (const lock of withCode) {
    const ends = stays.filter((s) => s.lockId === manualLockRef(lock.id)).map((s) => stayWindow(property, s).endsAt);
    due.set(lock.id, rotationDueSince(lock.codeSetAt, ends, now));
  }
  return due;
}

export function stayWindow(
  property: PropertyTimes,
  stay: { checkInDate: string; checkOutDate: string; earlyCheckInTime: string | null; lateCheckoutTime: string | null },
) {
  return pinWindow({
    ...stay,
    standardCheckInTime: property.standardCheckInTime,
    standardCheckoutTime: property.standardCheckoutTime,
    timeZone: property.timeZone,
  });
}

/** Check-in sessions whose stay on this lock has not ended: their pages must hear of a new code. */
export async function sessionsInStayOn(
  db: Database,
  property: PropertyTimes,
  lockId: string,
  now: number,
): Promise<string[]> {
  const stays = await staysOnLocks(db, property.id, [lockId], localDate(now - DAY_MS, property.timeZone));
  return stays
    .filter((s) => {
      const w = stayWindow(property, s);
      return s.sessionId !== null && now < w.endsAt;
    })
    .map((s) => s.sessionId!);
}
