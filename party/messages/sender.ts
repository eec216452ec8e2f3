// Hands due rows to their channel. Each row is claimed with a conditional UPDATE first,
// so of two racing runs only one sends; the outcome is written only while the claim holds.
// A row found still `sending` after its claim ran out was cut off mid-send (a crash): the
// channel is asked whether it went before it is sent again under the same key.
import {
  claimMessage,
  dueMessageIds,
  markFailed,
  markRetry,
  markSent,
  markSuppressed,
  type MessageRow,
} from "../../db/queries/message-outbox";
import { isOptedOut, recordOptOut } from "../../db/queries/messages";
import { redactLinkTokens } from "../../domain/messages/link-redaction";
import { CLAIM_MS, nextRetryAt } from "../../domain/messages/retry";
import type { OutgoingMessage } from "./channel";
import type { MessagesDeps } from "./deps";

const BATCH = 25;

/** Sends what is due until done or `budgetMs` is spent; answers whether rows are left over. */
export async function sendDue(deps: MessagesDeps, propertyId: string, budgetMs: number): Promise<boolean> {
  const started = deps.now();
  const ids = await dueMessageIds(deps.db, propertyId, started, BATCH);
  for (const id of ids) {
    if (deps.now() - started > budgetMs) return true;
    const now = deps.now();
    const claimed = await claimMessage(deps.db, id, now, now + CLAIM_MS);
    if (claimed) await sendOne(deps, claimed.row, claimed.wasSending);
  }
  return ids.length === BATCH;
}

async function sendOne(deps: MessagesDeps, row: MessageRow, wasSending: boolean): Promise<void> {
  const { db } = deps;
  if (row.recipient === null || row.bodyText === null) {
    await markSuppressed(db, row, "Not sent: the guest's details were removed.", deps.now());
    return;
  }
  if (row.kind !== "test" && (await isOptedOut(db, row.propertyId, row.channel, row.recipient))) {
    await markSuppressed(db, row, "Not sent: this address asked for no more messages.", deps.now());
    return;
  }
  const channel = deps.channels[row.channel];
  const outgoing: OutgoingMessage = {
    idempotencyKey: row.idempotencyKey,
    to: row.recipient,
    text: row.bodyText,
    ...(row.channel === "email"
      ? {
          subject: row.subject ?? "",
          ...(row.bodyHtml ? { html: row.bodyHtml } : {}),
          unsubscribeUrl: await deps.unsubscribeUrl(row.propertyId, row.recipient),
        }
      : {}),
  };
  if (wasSending && channel.findSent) {
    const found = await channel.findSent(outgoing, row.createdAt).catch(() => undefined);
    if (found) {
      await markSent(db, row, channel.provider, found, deps.now(), keptBodies(deps, row));
      return;
    }
  }
  let outcome: Awaited<ReturnType<typeof channel.send>>;
  try {
    outcome = await channel.send(outgoing);
  } catch (error) {
    // A channel that throws instead of answering (a bug, a timeout it did not catch) is a transient failure.
    outcome = { ok: false, provider: channel.provider, kind: "transient", reason: errorWords(error) };
  }
  const now = deps.now();
  if (outcome.ok) {
    await markSent(db, row, outcome.provider, outcome.providerMessageId, now, keptBodies(deps, row));
    return;
  }
  if (outcome.optedOut) {
    await recordOptOut(db, {
      propertyId: row.propertyId,
      channel: row.channel,
      address: row.recipient,
      source: row.channel === "sms" ? "sms-stop" : "unsubscribe-link",
      at: now,
    });
  }
  if (outcome.kind === "transient") {
    const retryAt = nextRetryAt(row.attempts, row.sendAt, now, deps.random(), outcome.retryAfterMs);
    if (retryAt !== null) {
      await markRetry(db, row, retryAt, `Attempt ${row.attempts} failed, will retry: ${outcome.reason}`, now);
      return;
    }
    await markFailed(db, row, outcome.provider, `Gave up after ${row.attempts} attempts: ${outcome.reason}`, now);
    return;
  }
  await markFailed(db, row, outcome.provider, outcome.reason, now);
}

/** A real provider has the message now: our copy keeps what was said, not the link's token. */
function keptBodies(deps: MessagesDeps, row: MessageRow) {
  if (!deps.redactLinksAfterSend?.[row.channel]) return undefined;
  return { bodyText: redactLinkTokens(row.bodyText), bodyHtml: redactLinkTokens(row.bodyHtml) };
}

function errorWords(error: unknown): string {
  return error instanceof Error && error.name === "TimeoutError"
    ? "The provider did not answer in time."
    : "The provider could not be reached.";
}
