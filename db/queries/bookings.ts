// A property's reservations as the desk manages them. Every query takes the property
// id and filters on it: staff of one property never read or change another's rows.
import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { ImportedBooking, ExistingBooking } from "../../domain/booking-csv";
import type { BookingDetails, ReservationStatus } from "../../domain/booking";
import type { DeskBooking } from "../../shared/bookings-protocol";
import type { Database } from "../client";
import { guest, reservation, room } from "../schema";

export type ReservationRow = typeof reservation.$inferSelect;

export interface BookingsPageQuery {
  propertyId: string;
  from: string | null;
  to: string | null;
  /** Reference or expected guest name; searched over every date. */
  search: string | null;
  after: { checkInDate: string; bookingRef: string } | null;
  limit: number;
  status?: ReservationStatus;
}

const bookingColumns = {
  reservationId: reservation.id,
  bookingRef: reservation.bookingRef,
  roomId: reservation.roomId,
  roomName: room.name,
  status: reservation.status,
  checkInDate: reservation.checkInDate,
  checkOutDate: reservation.checkOutDate,
  earlyCheckInTime: reservation.earlyCheckInTime,
  lateCheckoutTime: reservation.lateCheckoutTime,
  expectedGuestName: reservation.expectedGuestName,
  expectedGuestEmail: reservation.expectedGuestEmail,
  expectedGuestPhone: reservation.expectedGuestPhone,
  guestName: guest.fullName,
  source: reservation.source,
  proofFailures: reservation.proofFailures,
  proofFailedAt: reservation.proofFailedAt,
};

// Beyond every character a reference or a lower-cased name holds: the top of a prefix range.
const PREFIX_END = "\uffff";

function searchCondition(search: string): SQL {
  const ref = search.replace(/\s+/g, "").toUpperCase();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const surname = words[words.length - 1] ?? "";
  const byName = and(
    gte(reservation.expectedGuestSurname, surname),
    lte(reservation.expectedGuestSurname, surname + PREFIX_END),
    words.length > 1 ? sql`lower(${reservation.expectedGuestName}) like ${`%${words.join(" ")}%`}` : undefined,
  )!;
  const byRef = and(gte(reservation.bookingRef, ref), lte(reservation.bookingRef, ref + PREFIX_END))!;
  return or(byRef, byName)!;
}

/** One page in (arrival date, reference) order, which the paging index serves without a sort. */
export async function bookingsPage(db: Database, q: BookingsPageQuery): Promise<DeskBooking[]> {
  const conditions: (SQL | undefined)[] = [eq(reservation.propertyId, q.propertyId)];
  if (q.from) conditions.push(gte(reservation.checkInDate, q.from));
  if (q.to) conditions.push(lte(reservation.checkInDate, q.to));
  if (q.search) conditions.push(searchCondition(q.search));
  if (q.status) conditions.push(eq(reservation.status, q.status));
  if (q.after) {
    conditions.push(
      sql`(${reservation.checkInDate}, ${reservation.bookingRef}) > (${q.after.checkInDate}, ${q.after.bookingRef})`,
    );
  }
  return db
    .select(bookingColumns)
    .from(reservation)
    .innerJoin(room, eq(room.id, reservation.roomId))
    .leftJoin(guest, and(eq(guest.reservationId, reservation.id), eq(guest.archived, false)))
    .where(and(...conditions))
    .orderBy(asc(reservation.checkInDate), asc(reservation.bookingRef))
    .limit(q.limit);
}

export async function findBooking(db: Database, propertyId: string, bookingRef: string): Promise<DeskBooking | null> {
  const rows = await db
    .select(bookingColumns)
    .from(reservation)
    .innerJoin(room, eq(room.id, reservation.roomId))
    .leftJoin(guest, and(eq(guest.reservationId, reservation.id), eq(guest.archived, false)))
    .where(and(eq(reservation.propertyId, propertyId), eq(reservation.bookingRef, bookingRef)))
    .limit(1);
  return rows[0] ?? null;
}

export type NewBooking = Omit<typeof reservation.$inferInsert, "guestId" | "checkinLinkHash">;

/** null when the reference is taken (by any property): the unique index decides. */
export async function insertBooking(db: Database, row: NewBooking): Promise<ReservationRow | null> {
  const inserted = await db
    .insert(reservation)
    .values(row)
    .onConflictDoNothing({ target: reservation.bookingRef })
    .returning();
  return inserted[0] ?? null;
}

export type BookingChange = BookingDetails;

/**
 * Applies `change` only while the booking is still in one of `fromStatuses`, so an edit
 * racing a check-in (or a cancel racing an edit) cannot undo the other. false: nothing matched.
 */
export async function updateBooking(
  db: Database,
  propertyId: string,
  bookingRef: string,
  fromStatuses: ReservationStatus[],
  change: Partial<BookingChange> & { status?: ReservationStatus },
  now: number,
): Promise<boolean> {
  const updated = await db
    .update(reservation)
    .set({ ...change, updatedAt: now })
    .where(
      and(
        eq(reservation.propertyId, propertyId),
        eq(reservation.bookingRef, bookingRef),
        inArray(reservation.status, fromStatuses),
        // A guest row is the check-in itself; its status may lag by a moment.
        fromStatuses.includes("checked_in") ? undefined : isNull(reservation.guestId),
      ),
    )
    .returning({ id: reservation.id });
  return updated.length > 0;
}

/** The stored hash for a booking's link, written the first time staff ask for the link. */
export async function ensureCheckinLinkHash(db: Database, reservationId: string, hash: string): Promise<void> {
  await db
    .update(reservation)
    .set({ checkinLinkHash: hash })
    .where(and(eq(reservation.id, reservationId), isNull(reservation.checkinLinkHash)));
}

export async function findReservationRefByLinkHash(db: Database, hash: string) {
  const rows = await db
    .select({ bookingRef: reservation.bookingRef })
    .from(reservation)
    .where(eq(reservation.checkinLinkHash, hash))
    .limit(1);
  return rows[0]?.bookingRef ?? null;
}

/** What an import (a CSV file, a calendar feed) compares its rows with, by reference. */
export const importedColumns = {
  bookingRef: reservation.bookingRef,
  propertyId: reservation.propertyId,
  roomId: reservation.roomId,
  status: reservation.status,
  guestId: reservation.guestId,
  checkInDate: reservation.checkInDate,
  checkOutDate: reservation.checkOutDate,
  earlyCheckInTime: reservation.earlyCheckInTime,
  lateCheckoutTime: reservation.lateCheckoutTime,
  expectedGuestName: reservation.expectedGuestName,
  expectedGuestEmail: reservation.expectedGuestEmail,
  expectedGuestPhone: reservation.expectedGuestPhone,
};

/** What the property holds for the references in a file, in one round trip however long the file. */
export async function existingForImport(
  db: Database,
  propertyId: string,
  refs: string[],
): Promise<Map<string, ExistingBooking>> {
  const rows = await db
    .select({
      ...importedColumns,
      reservationId: reservation.id,
      checkinSessionId: guest.checkinSessionId,
    })
    .from(reservation)
    .leftJoin(guest, and(eq(guest.reservationId, reservation.id), eq(guest.archived, false)))
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

/** Rows per statement: at 17 parameters a row, far below SQLite's limit of 32,766. */
const IMPORT_CHUNK = 500;

/** Where imported rows come from: a CSV file, or one calendar feed (which only updates its own kind). */
export type ImportSource = { source: "csv" } | { source: "ical"; icalFeedId: string };

/**
 * Every new and changed row in one batch, which libSQL runs as one transaction: all of
 * the file or none of it. An upsert by reference can never duplicate a booking, and its
 * `where` keeps it from touching another property's row or a guest's check-in status.
 */
export async function commitImport(
  db: Database,
  propertyId: string,
  rows: ImportedBooking[],
  now: number,
): Promise<void> {
  const statements = importStatements(db, propertyId, rows, now, { source: "csv" });
  if (statements.length === 0) return;
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
}

/**
 * The upserts of an import, for a caller that adds statements of its own to the same
 * transaction. A calendar feed's upsert also moves nothing but calendar bookings.
 */
export function importStatements(
  db: Database,
  propertyId: string,
  rows: ImportedBooking[],
  now: number,
  from: ImportSource,
) {
  const statements = [];
  const icalFeedId = from.source === "ical" ? from.icalFeedId : null;
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    const values = rows.slice(i, i + IMPORT_CHUNK).map(({ line: _line, ...r }) => ({
      ...r,
      id: `res-${crypto.randomUUID()}`,
      propertyId,
      source: from.source,
      icalFeedId,
      createdAt: now,
      updatedAt: now,
    }));
    const excluded = (column: string) => sql.raw(`excluded.${column}`);
    statements.push(
      db
        .insert(reservation)
        .values(values)
        .onConflictDoUpdate({
          target: reservation.bookingRef,
          set: {
            roomId: excluded("room_id"),
            checkInDate: excluded("check_in_date"),
            checkOutDate: excluded("check_out_date"),
            earlyCheckInTime: excluded("early_check_in_time"),
            lateCheckoutTime: excluded("late_checkout_time"),
            expectedGuestName: excluded("expected_guest_name"),
            expectedGuestSurname: excluded("expected_guest_surname"),
            expectedGuestEmail: excluded("expected_guest_email"),
            expectedGuestPhone: excluded("expected_guest_phone"),
            // A checked-in booking takes only a cancellation (its door codes were told first); a no-show stays one.
            status: sql`case when ${reservation.status} = 'no_show' then ${reservation.status}
              when ${reservation.status} = 'checked_in' and ${excluded("status")} <> 'cancelled'
                then ${reservation.status}
              else ${excluded("status")} end`,
            ...(icalFeedId ? { icalFeedId: excluded("ical_feed_id") } : {}),
            updatedAt: now,
          },
          setWhere: icalFeedId
            ? and(eq(reservation.propertyId, propertyId), eq(reservation.source, "ical"))
            : eq(reservation.propertyId, propertyId),
        }),
    );
  }
  return statements;
}
