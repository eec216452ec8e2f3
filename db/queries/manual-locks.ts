// Manual locks (key boxes, keypads) and the stays that used them, every query scoped by
// property: one property never reads another's codes, even by guessing an id.
import { and, asc, eq, gte, inArray, or } from "drizzle-orm";
import type { Database } from "../client";
import { guest, manualLock, room } from "../schema";

export type ManualLockRow = typeof manualLock.$inferSelect;

export async function manualLocksOf(db: Database, propertyId: string): Promise<ManualLockRow[]> {
  return db
    .select()
    .from(manualLock)
    .where(eq(manualLock.propertyId, propertyId))
    .orderBy(asc(manualLock.name), asc(manualLock.createdAt));
}

export async function manualLocksByIds(
  db: Database,
  propertyId: string,
  ids: readonly string[],
): Promise<ManualLockRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(manualLock)
    .where(and(eq(manualLock.propertyId, propertyId), inArray(manualLock.id, [...ids])));
}

export async function addManualLock(db: Database, row: typeof manualLock.$inferInsert): Promise<void> {
  await db.insert(manualLock).values(row);
}

/** False when the property has no manual lock with that id. */
export async function setManualCode(
  db: Database,
  propertyId: string,
  id: string,
  code: { codeCipher: string; hint: string; codeSetBy: string; codeSetAt: number },
): Promise<boolean> {
  const rows = await db
    .update(manualLock)
    .set(code)
    .where(and(eq(manualLock.id, id), eq(manualLock.propertyId, propertyId)))
    .returning({ id: manualLock.id });
  return rows.length > 0;
}

export interface StayOnLock {
  lockId: string;
  sessionId: string | null;
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
}

/** Checked-in stays in rooms opened by these locks that check out on or after `fromDate`. */
export async function staysOnLocks(
  db: Database,
  propertyId: string,
  lockIds: readonly string[],
  fromDate: string,
): Promise<StayOnLock[]> {
  if (lockIds.length === 0) return [];
  const rows = await db
    .select({
      frontDoorLockId: room.frontDoorLockId,
      roomLockId: room.roomLockId,
      sessionId: guest.checkinSessionId,
      checkInDate: guest.checkInDate,
      checkOutDate: guest.checkOutDate,
      earlyCheckInTime: guest.earlyCheckInTime,
      lateCheckoutTime: guest.lateCheckoutTime,
    })
    .from(guest)
    .innerJoin(room, eq(room.id, guest.roomId))
    .where(
      and(
        eq(room.propertyId, propertyId),
        eq(guest.archived, false),
        gte(guest.checkOutDate, fromDate),
        or(inArray(room.frontDoorLockId, [...lockIds]), inArray(room.roomLockId, [...lockIds])),
      ),
    );
  const wanted = new Set(lockIds);
  return rows.flatMap(({ frontDoorLockId, roomLockId, ...stay }) =>
    [...new Set([frontDoorLockId, roomLockId])].filter((id) => wanted.has(id)).map((lockId) => ({ lockId, ...stay })),
  );
}
