// Webhook endpoints and their outbox. An event becomes one delivery row per live endpoint
// of the property, written by the same statement batch as the change it reports (or right
// after it), before anything is sent; the `webhooks` job sends what is due.
import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { WebhookEventType } from "../../domain/webhook-event";
import type { Database } from "../client";
import { guest, reservation, room, webhookDelivery, webhookEndpoint } from "../schema";

export type WebhookEndpointRow = typeof webhookEndpoint.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDelivery.$inferSelect;

export async function insertWebhookEndpoint(db: Database, row: typeof webhookEndpoint.$inferInsert) {
  await db.insert(webhookEndpoint).values(row);
}

export async function webhookEndpointsOf(db: Database, propertyId: string) {
  return db
    .select({ id: webhookEndpoint.id, url: webhookEndpoint.url, createdAt: webhookEndpoint.createdAt })
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.propertyId, propertyId), isNull(webhookEndpoint.removedAt)))
    .orderBy(asc(webhookEndpoint.createdAt));
}

/** Removes the endpoint and stops its pending deliveries; false when it is not this property's live endpoint. */
export async function removeWebhookEndpoint(db: Database, propertyId: string, id: string, now: number) {
  const [removed] = await db.batch([
    db
      .update(webhookEndpoint)
      .set({ removedAt: now })
      .where(
        and(eq(webhookEndpoint.propertyId, propertyId), eq(webhookEndpoint.id, id), isNull(webhookEndpoint.removedAt)),
      )
      .returning({ id: webhookEndpoint.id }),
    db
      .update(webhookDelivery)
      .set({ status: "failed", nextAttemptAt: null, lastError: "The endpoint was removed" })
      .where(
        and(
          eq(webhookDelivery.propertyId, propertyId),
          eq(webhookDelivery.endpointId, id),
          eq(webhookDelivery.status, "pending"),
        ),
      ),
  ]);
  return removed.length > 0;
}

/** The last deliveries of a property, newest first, for the desk's log (no payloads). */
export async function recentDeliveries(db: Database, propertyId: string, limit: number) {
  return db
    .select({
      id: webhookDelivery.id,
      endpointId: webhookDelivery.endpointId,
      url: webhookEndpoint.url,
      eventId: webhookDelivery.eventId,
      eventType: webhookDelivery.eventType,
      status: webhookDelivery.status,
      attempts: webhookDelivery.attempts,
      lastAttemptAt: webhookDelivery.lastAttemptAt,
      lastStatusCode: webhookDelivery.lastStatusCode,
      lastError: webhookDelivery.lastError,
      nextAttemptAt: webhookDelivery.nextAttemptAt,
      createdAt: webhookDelivery.createdAt,
    })
    .from(webhookDelivery)
    .innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
    .where(eq(webhookDelivery.propertyId, propertyId))
    .orderBy(desc(webhookDelivery.createdAt), desc(webhookDelivery.id))
    .limit(limit);
}

const checkedIn = sql`(${reservation.status} = 'checked_in' or ${reservation.guestId} is not null)`;

/**
 * The event body `{ id, type, created, data: { reservation } }` built by SQLite from the
 * reservation as it stands inside the same write, in the API's reservation shape.
 */
function eventPayload(eventId: SQL, type: WebhookEventType, createdMs: number): SQL {
  return sql`json_object(
    'id', ${eventId}, 'type', ${type}, 'created', ${Math.floor(createdMs / 1000)},
    'data', json_object('reservation', json_object(
      'bookingRef', ${reservation.bookingRef}, 'status', ${reservation.status},
      'roomId', ${reservation.roomId}, 'roomName', ${room.name},
      'checkInDate', ${reservation.checkInDate}, 'checkOutDate', ${reservation.checkOutDate},
      'earlyCheckInTime', ${reservation.earlyCheckInTime}, 'lateCheckoutTime', ${reservation.lateCheckoutTime},
      'expectedGuestName', ${reservation.expectedGuestName}, 'expectedGuestEmail', ${reservation.expectedGuestEmail},
      'expectedGuestPhone', ${reservation.expectedGuestPhone},
      'checkedIn', json(case when ${checkedIn} then 'true' else 'false' end),
      'source', ${reservation.source})))`;
}

/**
 * One delivery per live endpoint of the reservation's property, for an event about it.
 * `eventId` is fixed by the caller (a retried write finds its rows and adds none) and
 * `onlyIf` lets the write that records a change decide in SQL whether it happened.
 */
export function recordReservationEvent(
  db: Database,
  e: {
    reservation:
      | { id: string }
      | { propertyId: string; bookingRef: string }
      | { propertyId: string; bookingRefs: string[] };
    type: WebhookEventType;
    eventId: SQL | string;
    now: number;
    onlyIf?: SQL;
  },
) {
  const r = e.reservation;
  const which =
    "id" in r
      ? sql`${reservation.id} = ${r.id}`
      : "bookingRef" in r
        ? sql`${reservation.propertyId} = ${r.propertyId} and ${reservation.bookingRef} = ${r.bookingRef}`
        : sql`${reservation.propertyId} = ${r.propertyId}
              and ${reservation.bookingRef} in (select value from json_each(${JSON.stringify(r.bookingRefs)}))`;
  const eventId = typeof e.eventId === "string" ? sql`${e.eventId}` : e.eventId;
  return db
    .insert(webhookDelivery)
    .select(
      sql`select 'whd_' || lower(hex(randomblob(12))), ${reservation.propertyId}, ${webhookEndpoint.id}, ${eventId},
                 ${e.type}, ${eventPayload(eventId, e.type, e.now)}, 'pending', 0, ${e.now}, null, null, null, ${e.now}
          from ${reservation}
          join ${room} on ${room.id} = ${reservation.roomId}
          join ${webhookEndpoint} on ${webhookEndpoint.propertyId} = ${reservation.propertyId}
                                 and ${webhookEndpoint.removedAt} is null
          where ${which} ${e.onlyIf ? sql`and ${e.onlyIf}` : sql``}`,
    )
    .onConflictDoNothing();
}

/** After a check-in's guest write: the event id follows the live guest row, so a retried write adds nothing. */
export function recordCheckinCompleted(db: Database, reservationId: string, sessionId: string, now: number) {
  const liveGuestId = sql`(select ${guest.id} from ${guest} where ${guest.reservationId} = ${reservationId}
                          and ${guest.archived} = 0 and ${guest.checkinSessionId} = ${sessionId})`;
  return recordReservationEvent(db, {
    reservation: { id: reservationId },
    type: "checkin.completed",
    eventId: sql`'evt_' || ${liveGuestId}`,
    now,
    onlyIf: sql`${liveGuestId} is not null`,
  });
}

/** Pending deliveries due by `now` whose endpoint is live, oldest first. */
export async function dueDeliveries(db: Database, propertyId: string, now: number, limit: number) {
  return db
    .select({ delivery: webhookDelivery, url: webhookEndpoint.url, secret: webhookEndpoint.secret })
    .from(webhookDelivery)
    .innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
    .where(
      and(
        eq(webhookDelivery.propertyId, propertyId),
        eq(webhookDelivery.status, "pending"),
        lte(webhookDelivery.nextAttemptAt, now),
        isNull(webhookEndpoint.removedAt),
      ),
    )
    .orderBy(asc(webhookDelivery.nextAttemptAt))
    .limit(limit);
}

/** The earliest pending attempt of the property, so the job can ask to run then. */
export async function nextPendingAttempt(db: Database, propertyId: string): Promise<number | null> {
  const rows = await db
    .select({ at: sql<number | null>`min(${webhookDelivery.nextAttemptAt})` })
    .from(webhookDelivery)
    .where(and(eq(webhookDelivery.propertyId, propertyId), eq(webhookDelivery.status, "pending")));
  return rows[0]?.at ?? null;
}

export async function recordAttempt(
  db: Database,
  id: string,
  outcome: {
    status: "pending" | "delivered" | "failed";
    attempts: number;
    at: number;
    nextAttemptAt: number | null;
    statusCode: number | null;
    error: string | null;
  },
) {
  await db
    .update(webhookDelivery)
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      lastAttemptAt: outcome.at,
      nextAttemptAt: outcome.nextAttemptAt,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
    })
    .where(and(eq(webhookDelivery.id, id), inArray(webhookDelivery.status, ["pending"])));
}
