// A property's background job: polling calendars, sending scheduled messages, retrying
// webhooks, purging old personal data. Jobs run from the property's jobs room alarm
// (party/jobs/server.ts), one run at a time per job, so a job needs no locking of its own
// against itself; it must still be idempotent, because a run cut short by a restart is
// run again from the start.
import type { RuntimeEnv } from "../env";

export interface JobContext {
  env: RuntimeEnv;
  propertyId: string;
  now: number;
}

export interface Job {
  /** Stable: stored as the key of the job's due time. Lowercase words and dashes. */
  name: string;
  /** The longest a property goes between two runs, even when nothing pokes the job. */
  everyMs: number;
  /**
   * Does the work that is due and answers when it wants to run next (epoch ms), or nothing
   * for `everyMs` from now. Never later than `everyMs` from now, whatever it answers.
   * Must bound its own time (fetch timeouts, page sizes): the room waits for it.
   */
  run(context: JobContext): Promise<number | undefined>;
}
