// The check-in room's part in webhooks: poke the property's webhooks job once a check-in
// stored its checkin.completed event (written with the guest, db/queries/checkin.ts), and
// store checkin.failed when a session's door codes failed for good.
import type * as Party from "partykit/server";
import { recordReservationEvent } from "../../db/queries/webhooks";
import type { CheckinState } from "../../domain/checkin-flow";
import { database } from "../database";
import type { RuntimeEnv } from "../env";
import { WEBHOOKS_JOB } from "../jobs/webhooks";
import { wakeJobs } from "../jobs/wake";
import { loggableError } from "../log-safe";
import { sha256Hex } from "../sha256";

export async function checkinCompletedStored(
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  state: CheckinState,
): Promise<void> {
  await wakeJobs(env, parties, state.reservation.propertyId, WEBHOOKS_JOB);
}

export async function recordCheckinFailed(
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  state: CheckinState,
): Promise<void> {
  const { propertyId, bookingRef } = state.reservation;
  try {
    // From the session id, so a repeated failure of one session is one event, without revealing the id.
    const eventId = `evt_${(await sha256Hex(`checkin.failed:${state.sessionId}`)).slice(0, 32)}`;
    await recordReservationEvent(database(env, "background"), {
      reservation: { propertyId, bookingRef },
      type: "checkin.failed",
      eventId,
      now: Date.now(),
    });
  } catch (err) {
    console.warn(`[checkin] storing the checkin.failed webhook failed: ${loggableError(err)}`);
    return;
  }
  await wakeJobs(env, parties, propertyId, WEBHOOKS_JOB);
}
