// The `messages` job: plan what is due for the property, send it, and wake again when the
// next message (or retry) is due.
import { nextMessageDue } from "../../db/queries/message-outbox";
import { database } from "../database";
import type { RuntimeEnv } from "../env";
import type { Job } from "../jobs/job";
import { messageChannels } from "./channels";
import { realProviders } from "./connections";
import type { MessagesDeps } from "./deps";
import { planMessages } from "./planner";
import { unsubscribeUrl } from "./unsubscribe-token";
import { sendDue } from "./sender";

export const MESSAGES_JOB = "messages";
/** Sending stops for this run after this long; what is left goes in the next run, a second later. */
const SEND_BUDGET_MS = 20_000;

export async function runMessages(deps: MessagesDeps, propertyId: string): Promise<number | undefined> {
  const planned = await planMessages(deps, propertyId);
  const leftOver = await sendDue(deps, propertyId, SEND_BUDGET_MS);
  if (leftOver) return deps.now() + 1_000;
  const waiting = await nextMessageDue(deps.db, propertyId);
  const next = Math.min(planned ?? Infinity, waiting ?? Infinity);
  return Number.isFinite(next) ? next : undefined;
}

export function messagesDeps(env: RuntimeEnv, db = database(env, "background")): MessagesDeps {
  return {
    db,
    channels: messageChannels(env),
    secret: env.SESSION_SECRET,
    selfUrl: env.SELF_URL,
    unsubscribeUrl: (propertyId, address) => unsubscribeUrl(env, propertyId, address),
    now: Date.now,
    random: Math.random,
    redactLinksAfterSend: realProviders(env),
  };
}

export const messagesJob: Job = {
  name: MESSAGES_JOB,
  everyMs: 15 * 60_000,
  run: ({ env, propertyId }) => runMessages(messagesDeps(env), propertyId),
};
