// A property's rooms and settings as managers edit them, each query scoped by property.
import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { PropertySettingsInput } from "../../domain/property-settings";
import type { DeskRoom } from "../../shared/bookings-protocol";
import type { Database } from "../client";
import { property, reservation, room } from "../schema";

/** Bookings that still need their room: not cancelled or a no-show, and not yet checked out. */
const stillNeeded = (today: string) =>
  and(
    eq(reservation.roomId, room.id),
    inArray(reservation.status, ["confirmed", "checked_in"]),
    gte(reservation.checkOutDate, today),
  );

export async function roomsOf(db: Database, propertyId: string, today: string): Promise<DeskRoom[]> {
  return db
    .select({
      roomId: room.id,
      name: room.name,
      frontDoorLockId: room.frontDoorLockId,
      roomLockId: room.roomLockId,
      retiredAt: room.retiredAt,
      upcomingBookings: sql<number>`(select count(*) from ${reservation} where ${stillNeeded(today)})`,
    })
    .from(room)
    .where(eq(room.propertyId, propertyId))
    .orderBy(asc(room.name));
}

export async function findRoom(db: Database, propertyId: string, roomId: string) {
  const rows = await db
    .select()
    .from(room)
    .where(and(eq(room.propertyId, propertyId), eq(room.id, roomId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertRoom(db: Database, row: typeof room.$inferInsert) {
  await db.insert(room).values(row);
}

export async function updateRoom(
  db: Database,
  propertyId: string,
  roomId: string,
  change: { name: string; frontDoorLockId: string; roomLockId: string },
): Promise<boolean> {
  const rows = await db
    .update(room)
    .set(change)
    .where(and(eq(room.propertyId, propertyId), eq(room.id, roomId)))
    .returning({ id: room.id });
  return rows.length > 0;
}

/**
 * Retires the room unless a booking still needs it, checked in the same statement so a
 * booking added meanwhile is not stranded. false: not retired (still needed, or not found).
 */
export async function retireRoom(db: Database, propertyId: string, roomId: string, today: string, now: number) {
  const rows = await db
    .update(room)
    .set({ retiredAt: now })
    .where(
      and(
        eq(room.propertyId, propertyId),
        eq(room.id, roomId),
        isNull(room.retiredAt),
        sql`not exists (select 1 from ${reservation} where ${stillNeeded(today)})`,
      ),
    )
    .returning({ id: room.id });
  return rows.length > 0;
}

/** Deletes a room no booking ever used; any booking, past ones included, keeps it (retire it instead). */
export async function deleteUnusedRoom(db: Database, propertyId: string, roomId: string): Promise<boolean> {
  const rows = await db
    .delete(room)
    .where(
      and(
        eq(room.propertyId, propertyId),
        eq(room.id, roomId),
        sql`not exists (select 1 from ${reservation} where ${reservation.roomId} = ${room.id})`,
      ),
    )
    .returning({ id: room.id });
  return rows.length > 0;
}

export async function updatePropertySettings(db: Database, propertyId: string, settings: PropertySettingsInput) {
  await db.update(property).set(settings).where(eq(property.id, propertyId));
}
