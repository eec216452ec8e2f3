// Asking a property's jobs room to run a job soon (after a booking changed, a check-in
// completed), or to make sure every job is scheduled at all.
import type * as Party from "partykit/server";
import type { RuntimeEnv } from "../env";
import { callParty } from "../party-client";

export const JOBS_PARTY = "jobs";

/** Never throws: a job that is not poked still runs on its interval. */
export async function wakeJobs(
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  propertyId: string,
  job?: string,
): Promise<boolean> {
  try {
    const res = await callParty(
      env,
      parties,
      { party: JOBS_PARTY, roomId: propertyId },
      {
        method: "POST",
        body: { propertyId, job },
      },
    );
    await res.body?.cancel();
    return res.ok;
  } catch (error) {
    console.warn(`[jobs] wake failed: ${error instanceof Error ? error.name : typeof error}`);
    return false;
  }
}

const awake = new Set<string>();

/**
 * Once per isolate and property, makes sure the jobs room has every job scheduled. An
 * alarm survives restarts on Durable Objects, but a fresh database or a dev reload that
 * dropped the alarm needs one request to start the clock again.
 */
export function keepJobsAwake(
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  propertyId: string,
  waitUntil: (work: Promise<unknown>) => void,
): void {
  if (awake.has(propertyId)) return;
  awake.add(propertyId);
  waitUntil(
    wakeJobs(env, parties, propertyId).then((ok) => {
      if (!ok) awake.delete(propertyId);
    }),
  );
}
