// Sends a property's due webhook deliveries (the outbox in webhook_delivery), signed like
// Stripe's, and schedules failed ones again with exponential backoff for up to 24 hours.
// Each attempt is stored after it; a run cut short sends a delivery again, which receivers
// de-duplicate by the event id.
import { database } from "../database";
import { dueDeliveries, nextPendingAttempt, recordAttempt } from "../../db/queries/webhooks";
import { deliveredStatus, nextWebhookAttempt } from "../../domain/webhook-retry";
import { SIGNATURE_HEADER, signatureHeader } from "../../domain/webhook-signature";
import { webhookUrlProblem } from "../../domain/webhook-url";
import type { Job } from "./job";

export const WEBHOOKS_JOB = "webhooks";
/** Per attempt: a receiver that takes longer is treated as down and retried. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Deliveries sent per run, side by side in small groups so one slow receiver holds up few. */
const BATCH = 50;
const PARALLEL = 5;
/** Only the status matters; a little of the body is read so the connection can be reused. */
const MAX_RESPONSE_BYTES = 4096;

type Due = Awaited<ReturnType<typeof dueDeliveries>>[number];

async function readCapped(res: Response): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  let read = 0;
  try {
    while (read < MAX_RESPONSE_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) return;
      read += chunk.value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The receiver's status, or why there was none, in plain words for the desk. */
async function attempt(
  due: Due,
  allowPrivate: boolean,
  now: number,
): Promise<{ status: number | null; error: string | null }> {
  const refused = webhookUrlProblem(due.url, allowPrivate);
  if (refused) return { status: null, error: refused };
  try {
    const res = await fetch(due.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Frontdoor-Webhooks/1",
        [SIGNATURE_HEADER]: await signatureHeader(due.secret, due.delivery.payload, now),
      },
      body: due.delivery.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await readCapped(res).catch(() => {});
    return { status: res.status, error: deliveredStatus(res.status) ? null : `The endpoint answered ${res.status}` };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return { status: null, error: timedOut ? "No answer within 10 seconds" : "Could not connect to the endpoint" };
  }
}

export const webhooksJob: Job = {
  name: WEBHOOKS_JOB,
  everyMs: 5 * 60_000,
  async run({ env, propertyId, now }) {
    const db = database(env, "background");
    const allowPrivate = env.WEBHOOK_ALLOW_PRIVATE_URLS === "1";
    const due = await dueDeliveries(db, propertyId, now, BATCH);
    for (let i = 0; i < due.length; i += PARALLEL) {
      await Promise.all(
        due.slice(i, i + PARALLEL).map(async (d) => {
          const at = Date.now();
          const result = await attempt(d, allowPrivate, at);
          const attempts = d.delivery.attempts + 1;
          const delivered = result.status !== null && deliveredStatus(result.status);
          const next = delivered
            ? null
            : nextWebhookAttempt(d.delivery.createdAt, attempts, Date.now(), env.WEBHOOK_RETRY_BASE_MS);
          await recordAttempt(db, d.delivery.id, {
            status: delivered ? "delivered" : next === null ? "failed" : "pending",
            attempts,
            at,
            nextAttemptAt: next,
            statusCode: result.status,
            error: delivered ? null : next === null ? `${result.error}; gave up after 24 hours` : result.error,
          });
        }),
      );
    }
    // A full batch may have left more due now; otherwise wake for the earliest retry.
    if (due.length === BATCH) return Date.now();
    return (await nextPendingAttempt(db, propertyId)) ?? undefined;
  },
};
