// Scenario 8: soak. N check-ins one after another (a few in flight at once) on one
// runtime that is never restarted, with the resident memory of every process at the
// start, at every tenth of the run and at the end, and every error: a guest's, or a
// warning the runtime or sqld logged. Finished rooms that keep their storage or alarms
// show up as memory that only grows, and in partykit dev eventually as SQLITE_NOMEM.
import type { BenchEnv } from "../lib/env";
import { tallyErrors } from "../lib/env";
import { runGuest } from "../lib/guest";
import { rssSample, type RssSample } from "../lib/memory";
import { mapLimit, Semaphore } from "../lib/pool";
import { seedBatches } from "../lib/seed";

export interface SoakOptions {
  checkins: number;
  concurrency: number;
  deadlineMs: number;
}

export interface SoakRun {
  requested: number;
  /** Guests started; fewer than requested when the run stopped on errors. */
  started: number;
  completed: number;
  failed: number;
  errors: Record<string, number>;
  /** Where the run stopped early, and why; null when it ran to the end. */
  stoppedEarly: string | null;
  wallMs: number;
  /** Completed check-ins per second. */
  throughput: number;
  /** RSS in MB by process, keyed by how many check-ins had finished. */
  rss: { finished: number; mb: RssSample }[];
  /** Warnings and errors from the runtime's and sqld's logs during the soak, grouped. */
  runtimeProblems: Record<string, number>;
}

/** A broken runtime fails every later guest too; past this many errors the rest would only repeat them. */
const errorLimit = (n: number) => Math.max(50, Math.ceil(n / 100));

export async function runSoak(env: BenchEnv, opts: SoakOptions): Promise<SoakRun> {
  const reservations = await seedBatches(env.db, opts.checkins);
  const problemsBefore = env.runtimeProblems().length;
  const sample = () => rssSample(env.stack.port, env.stack.libsqlUrl);
  const rss: SoakRun["rss"] = [{ finished: 0, mb: sample() }];
  const every = Math.max(1, Math.round(opts.checkins / 10));
  const errors: string[] = [];
  let started = 0;
  let finished = 0;
  let completed = 0;
  let stoppedEarly: string | null = null;
  // No ramp gate beyond the concurrency itself: each guest starts when the one before it is done.
  const gate = new Semaphore(opts.concurrency);
  const begin = performance.now();
  await mapLimit(reservations, opts.concurrency, async (res, i) => {
    if (stoppedEarly) return;
    started++;
    const r = await runGuest(res.bookingRef, i, {
      baseUrl: env.baseUrl,
      wsBase: env.wsBase,
      openGate: gate,
      deadline: performance.now() + opts.deadlineMs,
      tolerateRestarts: false,
    });
    finished++;
    if (r.ok) completed++;
    else errors.push(r.error ?? "unknown error");
    if (finished % every === 0) {
      rss.push({ finished, mb: sample() });
      env.log(
        `soak: ${finished} of ${opts.checkins} finished, ${errors.length} errors, ` +
          `RSS ${JSON.stringify(rss.at(-1)!.mb)}`,
      );
    }
    if (!stoppedEarly && errors.length >= errorLimit(opts.checkins)) {
      stoppedEarly = `stopped after ${errors.length} errors, at check-in ${finished} of ${opts.checkins}`;
      env.log(`soak: ${stoppedEarly}`);
    }
  });
  const wallMs = performance.now() - begin;
  if (rss.at(-1)!.finished !== finished) rss.push({ finished, mb: sample() });
  const problems = env
    .runtimeProblems()
    .slice(problemsBefore)
    .map((line) => line.slice(line.indexOf(" ") + 1));
  return {
    requested: opts.checkins,
    started,
    completed,
    failed: errors.length,
    errors: tallyErrors(errors),
    stoppedEarly,
    wallMs: Math.round(wallMs),
    throughput: Math.round((completed / (wallMs / 1000)) * 10) / 10,
    rss,
    runtimeProblems: tallyErrors(problems),
  };
}
