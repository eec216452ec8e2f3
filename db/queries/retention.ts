// A guest's personal data, found and anonymised per booking: the guest rows (name, phone,
// email, car registration, stay token, door code), the booking's expected guest and the
// messages sent about it. The booking itself (reference, room, dates, status), the funnel
// row and the audit trail stay: they hold no personal data.
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, checkinAnalytics, guest, message, reservation } from "../schema";

/** Bookings of a property that still hold personal data and whose checkout was on or before `lastCheckOutDate`. */
export async function reservationsDueForAnonymising(
  db: Database,
  propertyId: string,
  lastCheckOutDate: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: reservation.id })
    .from(reservation)
    .where(
      and(
        eq(reservation.propertyId, propertyId),
        isNull(reservation.anonymisedAt),
        lte(reservation.checkOutDate, lastCheckOutDate),
      ),
    )
    .orderBy(asc(reservation.checkOutDate))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Anonymises the bookings' personal data in one batch, which libSQL runs as one
 * transaction: a booking is never left half done. Running it again changes nothing more.
 */
export async function anonymiseReservations(db: Database, reservationIds: string[], now: number): Promise<void> {
  if (reservationIds.length === 0) return;
  await db.batch([
    db
      .update(guest)
      .set({
        fullName: "",
        phoneE164: "",
        email: null,
        carRegistration: null,
        frontDoorPin: null,
        // Unique and not null: a value no stay token can take (tokens never hold a dot).
        secureToken: sql`'erased.' || ${guest.id}`,
      })
      .where(inArray(guest.reservationId, reservationIds)),
    db
      .update(message)
      .set({ recipient: null, subject: null, bodyText: null, bodyHtml: null, updatedAt: now })
      .where(inArray(message.reservationId, reservationIds)),
    db
      .update(reservation)
      .set({
        expectedGuestName: null,
        expectedGuestSurname: null,
        expectedGuestEmail: null,
        expectedGuestPhone: null,
        checkinLinkHash: null,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(and(inArray(reservation.id, reservationIds), isNull(reservation.anonymisedAt))),
  ]);
}

/** Every row about one booking and its guest, for a manager's export. Null when it is not this property's. */
export async function guestDataExport(db: Database, propertyId: string, bookingRef: string) {
  const [booking] = await db
    .select()
    .from(reservation)
    .where(and(eq(reservation.propertyId, propertyId), eq(reservation.bookingRef, bookingRef)))
    .limit(1);
  if (!booking) return null;
  const [guests, messages, sessions, audit] = await Promise.all([
    db.select().from(guest).where(eq(guest.reservationId, booking.id)).orderBy(asc(guest.createdAt)),
    db.select().from(message).where(eq(message.reservationId, booking.id)).orderBy(asc(message.createdAt)),
    db
      .select()
      .from(checkinAnalytics)
      .where(and(eq(checkinAnalytics.propertyId, propertyId), eq(checkinAnalytics.bookingRef, bookingRef)))
      .orderBy(asc(checkinAnalytics.startedAt)),
    db
      .select({
        action: auditLog.action,
        staffId: auditLog.staffId,
        sessionId: auditLog.sessionId,
        detail: auditLog.detail,
        at: auditLog.at,
      })
      .from(auditLog)
      .where(eq(auditLog.bookingRef, bookingRef))
      .orderBy(asc(auditLog.id)),
  ]);
  return { booking, guests, messages, checkinSessions: sessions, audit };
}

/** The check-in sessions a booking ever had: each has a room that may still hold the guest's details. */
export async function sessionIdsOfBooking(db: Database, propertyId: string, bookingRef: string): Promise<string[]> {
  const [fromFunnel, fromGuests] = await Promise.all([
    db
      .select({ id: checkinAnalytics.sessionId })
      .from(checkinAnalytics)
      .where(and(eq(checkinAnalytics.propertyId, propertyId), eq(checkinAnalytics.bookingRef, bookingRef))),
    db
      .select({ id: guest.checkinSessionId })
      .from(guest)
      .innerJoin(reservation, eq(reservation.id, guest.reservationId))
      .where(and(eq(reservation.propertyId, propertyId), eq(reservation.bookingRef, bookingRef))),
  ]);
  const ids = [...fromFunnel, ...fromGuests].map((r) => r.id).filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}
