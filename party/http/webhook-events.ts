// Recording a reservation.changed event where a route changed a booking, and poking the
// property's webhooks job to send it. The delivery rows are stored before anything is sent.
import type * as Party from "partykit/server";
import type { Database } from "../../db/client";
import { recordReservationEvent } from "../../db/queries/webhooks";
import { reservation, webhookDelivery } from "../../db/schema";
import { sql } from "drizzle-orm";
import type { RuntimeEnv } from "../env";
import { WEBHOOKS_JOB } from "../jobs/webhooks";
import { wakeJobs } from "../jobs/wake";
import { randomId } from "../random";

export async function reservationChanged(
  db: Database,
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  change: { reservationId: string; propertyId: string; now: number },
): Promise<void> {
  const written = await recordReservationEvent(db, {
    reservation: { id: change.reservationId },
    type: "reservation.changed",
    eventId: `evt_${randomId(16)}`,
    now: change.now,
  }).returning({ id: webhookDelivery.id });
  if (written.length > 0) await wakeJobs(env, parties, change.propertyId, WEBHOOKS_JOB);
}

/** One reservation.changed per booking a CSV import created or changed, all in one statement. */
export async function importChanged(
  db: Database,
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  change: { propertyId: string; bookingRefs: string[]; now: number },
): Promise<void> {
  if (change.bookingRefs.length === 0) return;
  // Per booking and import: the same id for every endpoint, a new one for the next import.
  const eventId = sql`'evt_' || ${change.now} || '_' || replace(substr(${reservation.id}, 5), '-', '')`;
  const written = await recordReservationEvent(db, {
    reservation: { propertyId: change.propertyId, bookingRefs: change.bookingRefs },
    type: "reservation.changed",
    eventId,
    now: change.now,
  }).returning({ id: webhookDelivery.id });
  if (written.length > 0) await wakeJobs(env, parties, change.propertyId, WEBHOOKS_JOB);
}
