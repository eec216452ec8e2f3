// Anonymises guests' personal data GUEST_DATA_RETENTION_DAYS after checkout, a page of
// bookings per batch (one transaction each) and a bounded number of batches per run;
// when more remain it asks to run again at once, else it runs daily. Webhook bodies of
// anonymised bookings that settled since (they were still retrying) are redacted here too.
import { findProperty } from "../../db/queries/staff";
import {
  anonymiseReservations,
  redactWebhookPayloads,
  reservationsDueForAnonymising,
  WEBHOOK_REDACT_BATCH,
} from "../../db/queries/retention";
import { lastCheckOutDateToAnonymise } from "../../domain/guest-retention";
import { database } from "../database";
import type { Job } from "./job";

export const RETENTION_BATCH = 100;
const BATCHES_PER_RUN = 10;

export const retentionJob: Job = {
  name: "retention",
  everyMs: 24 * 3600_000,
  async run({ env, propertyId, now }) {
    const db = database(env, "background");
    const property = await findProperty(db, propertyId);
    if (!property) return undefined;
    const lastCheckOut = lastCheckOutDateToAnonymise(now, property.timeZone, env.GUEST_DATA_RETENTION_DAYS);
    for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
      const due = await reservationsDueForAnonymising(db, propertyId, lastCheckOut, RETENTION_BATCH);
      await anonymiseReservations(db, due, Date.now());
      if (due.length < RETENTION_BATCH) return redactSettledWebhooks(db, propertyId);
    }
    return Date.now();
  },
};

async function redactSettledWebhooks(db: ReturnType<typeof database>, propertyId: string): Promise<number | undefined> {
  for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
    const changed = await redactWebhookPayloads(db, { propertyId }, WEBHOOK_REDACT_BATCH);
    if (changed < WEBHOOK_REDACT_BATCH) return undefined;
  }
  return Date.now();
}
