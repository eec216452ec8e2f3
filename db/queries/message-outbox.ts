// The scheduler's side of the message log: what it needs to plan (bookings near arrival
// with their contacts and language), inserting planned rows under their idempotency key,
// claiming due rows so two racing runs never both send, recording outcomes, and the desk's
// Outbox page.
import { and, desc, eq, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { checkinAnalytics, guest, message, reservation } from "../schema";

export type MessageRow = typeof message.$inferSelect;
export type NewMessageRow = typeof message.$inferInsert;

export interface BookingToMessage {
  reservationId: string;
  bookingRef: string;
  status: "confirmed" | "checked_in" | "cancelled" | "no_show";
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
  createdAt: number;
  expectedEmail: string | null;
  expectedPhone: string | null;
  /** The language the guest last used in the wizard for this booking, if any. */
  language: string | null;
  guest: {
    email: string | null;
    phone: string;
    createdAt: number;
    codesConfirmedAt: number | null;
    frontDoorPin: string | null;
    secureToken: string;
  } | null;
}

/** Bookings whose messages could be due: arriving within `untilDate`, not yet gone. */
export async function bookingsToMessage(
  db: Database,
  propertyId: string,
  today: string,
  untilDate: string,
  limit = 500,
  /** One booking only, whatever its dates (a resend from the desk). */
  reservationId?: string,
): Promise<BookingToMessage[]> {
  const language = sql<string | null>`(select ${checkinAnalytics.language} from ${checkinAnalytics}
    where ${checkinAnalytics.bookingRef} = ${reservation.bookingRef} and ${checkinAnalytics.language} is not null
    order by ${checkinAnalytics.startedAt} desc
    limit 1)`;
  const rows = await db
    .select({
      reservationId: reservation.id,
      bookingRef: reservation.bookingRef,
      status: reservation.status,
      checkInDate: reservation.checkInDate,
      checkOutDate: reservation.checkOutDate,
      earlyCheckInTime: reservation.earlyCheckInTime,
      lateCheckoutTime: reservation.lateCheckoutTime,
      createdAt: reservation.createdAt,
      expectedEmail: reservation.expectedGuestEmail,
      expectedPhone: reservation.expectedGuestPhone,
      language,
      guestId: guest.id,
      guestEmail: guest.email,
      guestPhone: guest.phoneE164,
      guestCreatedAt: guest.createdAt,
      codesConfirmedAt: guest.codesConfirmedAt,
      frontDoorPin: guest.frontDoorPin,
      secureToken: guest.secureToken,
    })
    .from(reservation)
    .leftJoin(guest, and(eq(guest.reservationId, reservation.id), eq(guest.archived, false)))
    .where(
      reservationId
        ? and(eq(reservation.propertyId, propertyId), eq(reservation.id, reservationId))
        : and(
            eq(reservation.propertyId, propertyId),
            lte(reservation.checkInDate, untilDate),
            sql`${reservation.checkOutDate} >= ${today}`,
            inArray(reservation.status, ["confirmed", "checked_in"]),
          ),
    )
    .orderBy(reservation.checkInDate, reservation.bookingRef)
    .limit(limit);
  return rows.map((r) => ({
    reservationId: r.reservationId,
    bookingRef: r.bookingRef,
    status: r.status,
    checkInDate: r.checkInDate,
    checkOutDate: r.checkOutDate,
    earlyCheckInTime: r.earlyCheckInTime,
    lateCheckoutTime: r.lateCheckoutTime,
    createdAt: r.createdAt,
    expectedEmail: r.expectedEmail,
    expectedPhone: r.expectedPhone,
    language: r.language,
    guest:
      r.guestId === null
        ? null
        : {
            email: r.guestEmail,
            phone: r.guestPhone!,
            createdAt: r.guestCreatedAt!,
            codesConfirmedAt: r.codesConfirmedAt,
            frontDoorPin: r.frontDoorPin,
            secureToken: r.secureToken!,
          },
  }));
}

/** Which of these keys already have a row (so the job renders only new messages). */
export async function existingKeys(db: Database, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: message.idempotencyKey })
    .from(message)
    .where(inArray(message.idempotencyKey, keys));
  return new Set(rows.map((r) => r.key));
}

/** Stored before any send; a key already there (another run, an earlier one) keeps its row. */
export async function insertPlanned(db: Database, rows: NewMessageRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) {
    await db
      .insert(message)
      .values(rows.slice(i, i + 50))
      .onConflictDoNothing({ target: message.idempotencyKey });
  }
}

const dueCondition = (now: number) =>
  or(
    and(eq(message.status, "scheduled"), sql`coalesce(${message.nextAttemptAt}, ${message.sendAt}) <= ${now}`),
    and(eq(message.status, "sending"), lte(message.nextAttemptAt, now)),
  );

export async function dueMessageIds(db: Database, propertyId: string, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: message.id })
    .from(message)
    .where(and(eq(message.propertyId, propertyId), dueCondition(now)))
    .orderBy(message.sendAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Takes a due row for this run: one conditional UPDATE, so of two racing runs only one
 * gets it back. The claim lasts until `claimUntil`; a run that dies holding it leaves the
 * row `sending`, and the next run after that time takes it over.
 */
export async function claimMessage(
  db: Database,
  id: string,
  now: number,
  claimUntil: number,
): Promise<{ row: MessageRow; wasSending: boolean } | null> {
  const [before] = await db.select({ status: message.status }).from(message).where(eq(message.id, id));
  if (!before) return null;
  const [row] = await db
    .update(message)
    .set({ status: "sending", attempts: sql`${message.attempts} + 1`, nextAttemptAt: claimUntil, updatedAt: now })
    .where(and(eq(message.id, id), eq(message.status, before.status), dueCondition(now)))
    .returning();
  return row ? { row, wasSending: before.status === "sending" } : null;
}

/** Only the claim's holder writes the outcome: the row must still be `sending` under its claim. */
async function settle(db: Database, row: MessageRow, set: Partial<NewMessageRow>): Promise<boolean> {
  const changed = await db
    .update(message)
    .set(set)
    .where(and(eq(message.id, row.id), eq(message.status, "sending"), eq(message.attempts, row.attempts)))
    .returning({ id: message.id });
  return changed.length > 0;
}

export const markSent = (
  db: Database,
  row: MessageRow,
  provider: string,
  providerMessageId: string,
  now: number,
  /** The bodies to keep from now on, when they differ from those sent (a link's token removed). */
  keptBodies?: Pick<NewMessageRow, "bodyText" | "bodyHtml">,
) =>
  settle(db, row, {
    status: "sent",
    provider,
    providerMessageId,
    nextAttemptAt: null,
    statusDetail: null,
    updatedAt: now,
    ...keptBodies,
  });

export const markRetry = (db: Database, row: MessageRow, at: number, detail: string, now: number) =>
  settle(db, row, { status: "scheduled", nextAttemptAt: at, statusDetail: detail, updatedAt: now });

export const markFailed = (db: Database, row: MessageRow, provider: string, detail: string, now: number) =>
  settle(db, row, { status: "failed", provider, nextAttemptAt: null, statusDetail: detail, updatedAt: now });

export const markSuppressed = (db: Database, row: MessageRow, detail: string, now: number) =>
  settle(db, row, { status: "suppressed", nextAttemptAt: null, statusDetail: detail, updatedAt: now });

/** The earliest time a waiting row of the property is due, if any. */
export async function nextMessageDue(db: Database, propertyId: string): Promise<number | null> {
  const [row] = await db
    .select({ at: sql<number | null>`min(coalesce(${message.nextAttemptAt}, ${message.sendAt}))` })
    .from(message)
    .where(and(eq(message.propertyId, propertyId), inArray(message.status, ["scheduled", "sending"])));
  return row?.at ?? null;
}

export interface OutboxCursor {
  createdAt: number;
  id: string;
}

/** Newest first, by cursor (created_at, id). */
export async function outboxPage(
  db: Database,
  propertyId: string,
  after: OutboxCursor | null,
  limit: number,
): Promise<(MessageRow & { bookingRef: string | null })[]> {
  const rows = await db
    .select({ m: message, bookingRef: reservation.bookingRef })
    .from(message)
    .leftJoin(reservation, eq(reservation.id, message.reservationId))
    .where(
      and(
        eq(message.propertyId, propertyId),
        after
          ? or(
              lt(message.createdAt, after.createdAt),
              and(eq(message.createdAt, after.createdAt), lt(message.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(message.createdAt), desc(message.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.m, bookingRef: r.bookingRef }));
}

/** The highest resend version used for a booking's kind, so a resend gets the next one. */
export async function resendCount(db: Database, reservationId: string, kind: MessageRow["kind"]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(message)
    .where(
      and(
        eq(message.reservationId, reservationId),
        eq(message.kind, kind),
        isNotNull(message.idempotencyKey),
        sql`${message.idempotencyKey} like '%:resend-%'`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** Both locks confirmed the guest's code: kept once, the first time it is known. */
export async function recordCodesConfirmed(db: Database, reservationId: string, at: number): Promise<boolean> {
  const changed = await db
    .update(guest)
    .set({ codesConfirmedAt: at })
    .where(
      and(eq(guest.reservationId, reservationId), eq(guest.archived, false), sql`${guest.codesConfirmedAt} is null`),
    )
    .returning({ id: guest.id });
  return changed.length > 0;
}
