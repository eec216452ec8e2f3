// A guest's personal data, found and anonymised per booking: the guest rows (name, phone,
// email, car registration, stay token, door code), the booking's expected guest, the
// messages sent about it and the webhook bodies that reported it. The booking itself (reference, room, dates, status), the funnel
// row and the audit trail stay: they hold no personal data.
import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import {
  REDACTABLE_DELIVERY_STATUSES,
  redactWebhookPayload,
  WEBHOOK_PERSONAL_FIELDS,
} from "../../domain/webhook-retention";
import type { Database } from "../client";
import { auditLog, checkinAnalytics, guest, message, reservation, webhookDelivery } from "../schema";

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
  // The erase route's one booking, or the job's page of them: a few batches at most.
  for (let batch = 0; batch < 10; batch++) {
    if ((await redactWebhookPayloads(db, { reservationIds }, WEBHOOK_REDACT_BATCH)) < WEBHOOK_REDACT_BATCH) break;
  }
}

export const WEBHOOK_REDACT_BATCH = 100;

const deliveryField = (field: string) =>
  sql`json_extract(${webhookDelivery.payload}, ${`$.data.reservation.${field}`})`;

/**
 * Redacts the settled webhook bodies of anonymised bookings (of one property, or of the given
 * bookings) that still name their guest, a batch at a time; answers how many it changed.
 * A delivery still pending is left for a later run, once it has settled.
 */
export async function redactWebhookPayloads(
  db: Database,
  scope: { propertyId: string } | { reservationIds: string[] },
  limit: number,
): Promise<number> {
  if ("reservationIds" in scope && scope.reservationIds.length === 0) return 0;
  const rows = await db
    .select({ id: webhookDelivery.id, payload: webhookDelivery.payload })
    .from(webhookDelivery)
    .innerJoin(
      reservation,
      and(
        eq(reservation.propertyId, webhookDelivery.propertyId),
        eq(reservation.bookingRef, deliveryField("bookingRef")),
      ),
    )
    .where(
      and(
        "propertyId" in scope
          ? eq(webhookDelivery.propertyId, scope.propertyId)
          : inArray(reservation.id, scope.reservationIds),
        isNotNull(reservation.anonymisedAt),
        inArray(webhookDelivery.status, [...REDACTABLE_DELIVERY_STATUSES]),
        or(...WEBHOOK_PERSONAL_FIELDS.map((f) => isNotNull(deliveryField(f)))),
      ),
    )
    .limit(limit);
  if (rows.length === 0) return 0;
  const [first, ...rest] = rows.map((r) =>
    db
      .update(webhookDelivery)
      .set({ payload: redactWebhookPayload(r.payload) })
      .where(and(eq(webhookDelivery.id, r.id), inArray(webhookDelivery.status, [...REDACTABLE_DELIVERY_STATUSES]))),
  );
  await db.batch([first!, ...rest]);
  return rows.length;
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
