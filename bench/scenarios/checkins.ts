// Runs a batch of guests through the whole check-in at once and measures it. The
// guests, dashboards, faults and growth scenarios are all this with different knobs.
import { pinLabel } from "../../party/checkin/pin-task";
import type { BenchEnv } from "../lib/env";
import { tallyErrors } from "../lib/env";
import { runGuest, type BoardStep, type GuestResult, type TimedStep } from "../lib/guest";
import { cpuDelta, cpuSample } from "../lib/cpu";
import { pinsOnLock, retrying } from "../lib/http";
import { mapLimit, Semaphore, sleep } from "../lib/pool";
import { seedBatch, type BenchReservation } from "../lib/seed";
import { summarize, type Summary } from "../lib/stats";

export interface CheckinRunOptions {
  guests: number;
  /** Per guest, from its start. */
  deadlineMs: number;
  tolerateRestarts?: boolean;
  /** Start guest i at i × spreadMs / guests instead of all at once (still through the open gate). */
  spreadMs?: number;
  onStepSeen?(sessionId: string, step: BoardStep, at: number): void;
  /** Called as each guest starts, with how many have started. */
  onGuestStarted?(started: number): void;
  onGuestFinished?(result: GuestResult): void;
  /** Skip asking the vendor for PIN creation times (the faults scenario counts PINs itself). */
  skipPinPush?: boolean;
  /** Arrival from midnight instead of the property's standard time (see seedBatch). */
  earlyCheckInTime?: string;
  /** Runs after the reservations are seeded and before the first guest starts. */
  prepare?(reservations: BenchReservation[]): Promise<void>;
}

export interface CheckinRun {
  guests: number;
  completed: number;
  failed: number;
  errors: Record<string, number>;
  reconnects: number;
  httpRetries: number;
  sessionsLost: number;
  wallMs: number;
  /** Completed check-ins per second of wall time, first lookup to last stay page. */
  throughput: number;
  /** CPU ms each process used during the run (before the vendor queries for PIN times). */
  cpu: { perProcessMs: Record<string, number>; availableMs: number };
  steps: Record<TimedStep, Summary>;
  /** Sessions by how many PIN attempts they needed, e.g. {"1": 498, "2": 2}. */
  pinAttempts: Record<string, number>;
  pinWait: Summary;
  /** Ready-PIN state receipt minus the later of the two PINs' creation at the vendor. */
  pinPush: Summary;
  results: GuestResult[];
  reservations: BenchReservation[];
}

export async function runCheckins(env: BenchEnv, opts: CheckinRunOptions): Promise<CheckinRun> {
  const reservations = await seedBatch(env.db, opts.guests, { earlyCheckInTime: opts.earlyCheckInTime });
  await opts.prepare?.(reservations);
  const gate = new Semaphore(env.options.openConcurrency);
  const cpuBefore = cpuSample(env.stack.port, env.stack.libsqlUrl);
  const begin = performance.now();
  let started = 0;
  const results = await Promise.all(
    reservations.map(async (res, i) => {
      if (opts.spreadMs) await sleep((i * opts.spreadMs) / opts.guests);
      opts.onGuestStarted?.(++started);
      const result = await runGuest(res.bookingRef, i, {
        baseUrl: env.baseUrl,
        wsBase: env.wsBase,
        openGate: gate,
        deadline: performance.now() + opts.deadlineMs,
        tolerateRestarts: opts.tolerateRestarts ?? false,
        onStepSeen: opts.onStepSeen,
      });
      opts.onGuestFinished?.(result);
      return result;
    }),
  );
  const end = Math.max(...results.map((r) => r.finishedAt ?? begin));
  const wallMs = end - begin;
  const cpu = cpuDelta(cpuBefore, cpuSample(env.stack.port, env.stack.libsqlUrl), performance.now() - begin);
  const completed = results.filter((r) => r.ok).length;

  const pinPush = opts.skipPinPush ? [] : await pinPushSamples(env, results, reservations);
  const stepNames: TimedStep[] = ["lookup", "connect", "details", "parking", "confirm", "stayToken", "stay"];
  const steps = Object.fromEntries(
    stepNames.map((s) => [s, summarize(results.flatMap((r) => (r.ms[s] === undefined ? [] : [r.ms[s]!])))]),
  ) as Record<TimedStep, Summary>;

  return {
    guests: opts.guests,
    completed,
    failed: results.length - completed,
    errors: tallyErrors(results.map((r) => r.error)),
    reconnects: results.reduce((a, r) => a + r.reconnects, 0),
    httpRetries: results.reduce((a, r) => a + r.httpRetries, 0),
    sessionsLost: results.reduce((a, r) => a + r.sessionsLost, 0),
    wallMs: Math.round(wallMs),
    throughput: Math.round((completed / (wallMs / 1000)) * 10) / 10,
    cpu,
    steps,
    pinAttempts: results.reduce<Record<string, number>>((h, r) => {
      h[r.pinAttempts] = (h[r.pinAttempts] ?? 0) + 1;
      return h;
    }, {}),
    pinWait: summarize(results.flatMap((r) => (r.pinWaitMs === undefined ? [] : [r.pinWaitMs]))),
    pinPush: summarize(pinPush),
    results,
    reservations,
  };
}

/** Asks the vendor when each completed guest's two PINs were made; the later one is when "PINs ready" became true. */
async function pinPushSamples(
  env: BenchEnv,
  results: GuestResult[],
  reservations: BenchReservation[],
): Promise<number[]> {
  const byRef = new Map(reservations.map((r) => [r.bookingRef, r]));
  const samples = await mapLimit(results, 16, async (r) => {
    const sessionId = r.sessionIds.at(-1);
    const res = byRef.get(r.bookingRef);
    if (!r.ok || r.pinReadyAtEpoch === undefined || !sessionId || !res) return null;
    const label = pinLabel(sessionId);
    // A measurement, not part of the guest's flow: retry a dropped connection, and a vendor
    // that cannot answer costs a sample, not the run.
    const pins = await retrying(performance.now() + 10_000, () =>
      Promise.all(
        [res.frontDoorLockId, res.roomLockId].map((lock) => pinsOnLock(env.baseUrl, env.seamSimKey, lock, label)),
      ),
    )
      .then(({ value }) => value.flat())
      .catch(() => []);
    if (pins.length === 0) return null;
    return r.pinReadyAtEpoch - Math.max(...pins.map((p) => p.createdAt));
  });
  return samples.filter((s): s is number => s !== null);
}
