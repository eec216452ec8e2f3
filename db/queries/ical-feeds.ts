// A property's calendar feeds, and one sync's writes. Every query takes the property id:
// one property's feeds (whose URLs carry the platform's secret) are invisible to another.
import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { ImportedBooking } from "../../domain/booking-csv";
import type { ExistingForFeed, FeedHeldBooking } from "../../domain/ical-bookings";
import type { Database } from "../client";
import { icalFeed, reservation, room } from "../schema";
import { importedColumns, importStatements } from "./bookings";

/** Feeds per room: more than any platform mix needs, few enough to poll within the room's time. */
export const MAX_FEEDS_PER_ROOM = 10;

export interface FeedRow {
  feedId: string;
  roomId: string;
  roomName: string;
  url: string;
  createdAt: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastNote: string | null;
  bookings: number;
}

/** The feeds with the number of bookings each holds that are still to come or in progress. */
export async function feedsOf(db: Database, propertyId: string, today: string): Promise<FeedRow[]> {
  return db
    .select({
      feedId: icalFeed.id,
      roomId: icalFeed.roomId,
      roomName: room.name,
      url: icalFeed.url,
      createdAt: icalFeed.createdAt,
      lastAttemptAt: icalFeed.lastAttemptAt,
      lastSuccessAt: icalFeed.lastSuccessAt,
      lastError: icalFeed.lastError,
      lastNote: icalFeed.lastNote,
      bookings: sql<number>`(select count(*) from ${reservation} where ${and(
        eq(reservation.icalFeedId, icalFeed.id),
        inArray(reservation.status, ["confirmed", "checked_in"]),
        gte(reservation.checkOutDate, today),
      )})`,
    })
    .from(icalFeed)
    .innerJoin(room, eq(room.id, icalFeed.roomId))
    .where(eq(icalFeed.propertyId, propertyId))
    .orderBy(asc(room.name), asc(icalFeed.createdAt));
}

export async function countFeeds(db: Database, propertyId: string): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)` }).from(icalFeed).where(eq(icalFeed.propertyId, propertyId));
  return rows[0]?.n ?? 0;
}

export async function countRoomFeeds(db: Database, propertyId: string, roomId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(icalFeed)
    .where(and(eq(icalFeed.propertyId, propertyId), eq(icalFeed.roomId, roomId)));
  return rows[0]?.n ?? 0;
}

/** false when the room already has this address. */
export async function insertFeed(db: Database, row: typeof icalFeed.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(icalFeed).values(row).onConflictDoNothing().returning({ id: icalFeed.id });
  return inserted.length > 0;
}

/** Removes the feed; its bookings stay as they are, no longer owned by any feed. */
export async function deleteFeed(db: Database, propertyId: string, feedId: string): Promise<boolean> {
  const [, deleted] = await db.batch([
    db
      .update(reservation)
      .set({ icalFeedId: null })
      .where(and(eq(reservation.propertyId, propertyId), eq(reservation.icalFeedId, feedId))),
    db
      .delete(icalFeed)
      .where(and(eq(icalFeed.propertyId, propertyId), eq(icalFeed.id, feedId)))
      .returning({ id: icalFeed.id }),
  ]);
  return deleted.length > 0;
}

/**
 * Records a "Sync now" unless one was asked for within `minGapMs`, checked in the same
 * statement so two quick presses on two tabs count once. false: too soon.
 */
export async function requestSync(db: Database, propertyId: string, now: number, minGapMs: number): Promise<boolean> {
  const rows = await db
    .update(icalFeed)
    .set({ syncRequestedAt: now })
    .where(
      and(
        eq(icalFeed.propertyId, propertyId),
        sql`not exists (select 1 from ${icalFeed} f where f.property_id = ${propertyId}
          and f.sync_requested_at > ${now - minGapMs})`,
      ),
    )
    .returning({ id: icalFeed.id });
  return rows.length > 0;
}

/** Feeds of rooms still taking bookings. */
export async function feedsToPoll(db: Database, propertyId: string) {
  return db
    .select({ feedId: icalFeed.id, roomId: icalFeed.roomId, url: icalFeed.url })
    .from(icalFeed)
    .innerJoin(room, eq(room.id, icalFeed.roomId))
    .where(and(eq(icalFeed.propertyId, propertyId), isNull(room.retiredAt)))
    .orderBy(asc(icalFeed.createdAt));
}

/** What the property holds under the feed's references, with each booking's source. */
export async function existingForFeed(
  db: Database,
  propertyId: string,
  refs: string[],
): Promise<Map<string, ExistingForFeed>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .select({
      ...importedColumns,
      source: reservation.source,
    })
    .from(reservation)
    .where(sql`${reservation.bookingRef} in (select value from json_each(${JSON.stringify(refs)}))`);
  return new Map(
    rows.map(({ propertyId: owner, guestId, ...r }) => [
      r.bookingRef,
      {
        ...r,
        status: guestId && r.status === "confirmed" ? "checked_in" : r.status,
        propertyMatches: owner === propertyId,
      },
    ]),
  );
}

/** The feed's bookings that have not started before `today`: the ones a vanished event may cancel. */
export async function heldByFeed(
  db: Database,
  propertyId: string,
  feedId: string,
  today: string,
): Promise<FeedHeldBooking[]> {
  const rows = await db
    .select({
      bookingRef: reservation.bookingRef,
      checkInDate: reservation.checkInDate,
      status: reservation.status,
      guestId: reservation.guestId,
    })
    .from(reservation)
    .where(
      and(
        eq(reservation.propertyId, propertyId),
        eq(reservation.icalFeedId, feedId),
        inArray(reservation.status, ["confirmed", "checked_in"]),
        gte(reservation.checkInDate, today),
      ),
    );
  return rows.map(({ guestId, ...r }) => ({ ...r, checkedIn: guestId !== null }));
}

export interface FeedSyncWrite {
  propertyId: string;
  feedId: string;
  rows: ImportedBooking[];
  cancel: string[];
  note: string | null;
  now: number;
}

/**
 * One feed's sync in one transaction: its upserts, its cancellations and its status, or
 * none of them. A cancellation re-checks that the booking is still this feed's, still
 * confirmed and still without a guest, so a check-in racing the sync wins.
 */
export async function commitFeedSync(db: Database, w: FeedSyncWrite): Promise<void> {
  const statements = [
    ...importStatements(db, w.propertyId, w.rows, w.now, { source: "ical", icalFeedId: w.feedId }),
    db
      .update(reservation)
      .set({ status: "cancelled", updatedAt: w.now })
      .where(
        and(
          eq(reservation.propertyId, w.propertyId),
          eq(reservation.icalFeedId, w.feedId),
          eq(reservation.source, "ical"),
          eq(reservation.status, "confirmed"),
          isNull(reservation.guestId),
          sql`${reservation.bookingRef} in (select value from json_each(${JSON.stringify(w.cancel)}))`,
        ),
      ),
    db
      .update(icalFeed)
      .set({ lastAttemptAt: w.now, lastSuccessAt: w.now, lastError: null, lastNote: w.note })
      .where(and(eq(icalFeed.propertyId, w.propertyId), eq(icalFeed.id, w.feedId))),
  ];
  await db.batch(statements as unknown as Parameters<Database["batch"]>[0]);
}

export async function recordFeedFailure(
  db: Database,
  propertyId: string,
  feedId: string,
  error: string,
  now: number,
): Promise<void> {
  await db
    .update(icalFeed)
    .set({ lastAttemptAt: now, lastError: error })
    .where(and(eq(icalFeed.propertyId, propertyId), eq(icalFeed.id, feedId)));
}
