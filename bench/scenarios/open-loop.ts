// Scenario 7: open loop. At one arrival rate, first the echo journey (the baseline at
// the same connection count), then guests arriving at that rate for the run's length
// while dashboards watch the board. Every latency is from the step's due time (see
// lib/arrivals.ts), CPU is counted per process over the guest phase, and the ledger
// checks that no reservation got a second guest or PIN set.
import { arrivalCount, runArrivals } from "../lib/arrivals";
import {
  boardDelays,
  guestSaw,
  openDashboards,
  settleBoards,
  type BoardDelays,
  type GuestSaw,
} from "../lib/board-watch";
import { cpuDelta, cpuSample } from "../lib/cpu";
import { runEchoJourney } from "../lib/echo-journey";
import type { BenchEnv } from "../lib/env";
import { tallyErrors } from "../lib/env";
import type { TimedStep } from "../lib/guest";
import { ledger, ledgerDuplicates, type Ledger } from "../lib/ledger";
import { runScheduledGuest } from "../lib/scheduled-guest";
import { sleep } from "../lib/pool";
import { seedBatches } from "../lib/seed";
import { summarize, type Summary } from "../lib/stats";

export const TIMED_STEPS: TimedStep[] = ["lookup", "connect", "details", "parking", "confirm", "stayToken", "stay"];

export interface OpenLoopOptions {
  rate: number;
  seconds: number;
  echoSeconds: number;
  thinkMs: number;
  dashboards: number;
  /** Arrival to stay page; a guest still going after it counts as failed. */
  budgetMs: number;
}

export interface EchoAtRate {
  clients: number;
  ok: number;
  errors: Record<string, number>;
  http: Summary;
  connect: Summary;
  roundTrip: Summary;
  maxStartLagMs: number;
}

export interface OpenLoopRun {
  rate: number;
  seconds: number;
  thinkMs: number;
  guests: number;
  completed: number;
  failed: number;
  errors: Record<string, number>;
  /** Completed check-ins per second of the arrival window. */
  achievedRate: number;
  steps: Record<TimedStep, Summary>;
  echo: EchoAtRate;
  dashboards: number;
  board: BoardDelays;
  dashboardErrors: string[];
  cpu: { perProcessMs: Record<string, number>; availableMs: number };
  /** CPU ms per completed check-in, by process. */
  cpuPerCheckinMs: Record<string, number>;
  /** CPU ms per second each process spent with the dashboards open and no guest, just before the guests. */
  idleCpuMsPerSecond: Record<string, number>;
  /** How late this process started the latest arrival (already inside the latencies). */
  maxStartLagMs: number;
  /** Guests whose PINs were not ready when they confirmed. */
  confirmedBeforePins: number;
  pinAttempts: Record<string, number>;
  ledger: Ledger;
  duplicates: number;
}

export async function runEchoAtRate(env: BenchEnv, opts: OpenLoopOptions): Promise<EchoAtRate> {
  const tag = `ol-${opts.rate}-${Date.now().toString(36)}`;
  const count = arrivalCount(opts.rate, opts.echoSeconds);
  const { results, maxStartLagMs } = await runArrivals(count, opts.rate, (i, dueAt) =>
    runEchoJourney(`${tag}-${i}`, dueAt, {
      baseUrl: env.baseUrl,
      wsBase: env.wsBase,
      thinkMs: opts.thinkMs,
      budgetMs: opts.budgetMs,
    }),
  );
  return {
    clients: count,
    ok: results.filter((r) => r.ok).length,
    errors: tallyErrors(results.map((r) => r.error)),
    http: summarize(results.flatMap((r) => r.http)),
    connect: summarize(results.flatMap((r) => (r.connect === undefined ? [] : [r.connect]))),
    roundTrip: summarize(results.flatMap((r) => r.roundTrips)),
    maxStartLagMs: Math.round(maxStartLagMs),
  };
}

const IDLE_WINDOW_MS = 3_000;

/**
 * What the stack burns doing nothing (timers, alarms, open sockets), so that at a low rate,
 * where the guest phase is mostly waiting, it can be told apart from the check-ins' own cost.
 */
async function idleCpu(env: BenchEnv): Promise<Record<string, number>> {
  const before = cpuSample(env.stack.port, env.stack.libsqlUrl);
  await sleep(IDLE_WINDOW_MS);
  const { perProcessMs } = cpuDelta(before, cpuSample(env.stack.port, env.stack.libsqlUrl), IDLE_WINDOW_MS);
  return Object.fromEntries(Object.entries(perProcessMs).map(([k, v]) => [k, Math.round((v / IDLE_WINDOW_MS) * 1000)]));
}

export async function runOpenLoopRate(env: BenchEnv, opts: OpenLoopOptions): Promise<OpenLoopRun> {
  const echo = await runEchoAtRate(env, opts);
  const count = arrivalCount(opts.rate, opts.seconds);
  const reservations = await seedBatches(env.db, count);
  const dashboardErrors: string[] = [];
  const boards = await openDashboards(env, opts.dashboards, dashboardErrors);
  const saw: GuestSaw[] = [];
  const idleCpuMsPerSecond = await idleCpu(env);

  const cpuBefore = cpuSample(env.stack.port, env.stack.libsqlUrl);
  const begin = performance.now();
  const { results, maxStartLagMs } = await runArrivals(count, opts.rate, (i, dueAt) =>
    runScheduledGuest(reservations[i]!.bookingRef, i, dueAt, {
      baseUrl: env.baseUrl,
      wsBase: env.wsBase,
      thinkMs: opts.thinkMs,
      budgetMs: opts.budgetMs,
      onStepSeen: (sessionId, step, at) => saw.push(guestSaw(sessionId, step, at)),
    }),
  );
  const cpu = cpuDelta(cpuBefore, cpuSample(env.stack.port, env.stack.libsqlUrl), performance.now() - begin);

  await settleBoards(boards, saw);
  for (const b of boards) b.socket.close();
  const completed = results.filter((r) => r.ok).length;
  const book = await ledger(env, reservations);
  const steps = Object.fromEntries(
    TIMED_STEPS.map((s) => [s, summarize(results.flatMap((r) => (r.ms[s] === undefined ? [] : [r.ms[s]!])))]),
  ) as Record<TimedStep, Summary>;
  return {
    rate: opts.rate,
    seconds: opts.seconds,
    thinkMs: opts.thinkMs,
    guests: count,
    completed,
    failed: count - completed,
    errors: tallyErrors(results.map((r) => r.error)),
    achievedRate: Math.round((completed / opts.seconds) * 10) / 10,
    steps,
    echo,
    dashboards: opts.dashboards,
    board: boardDelays(boards, saw),
    dashboardErrors,
    cpu,
    cpuPerCheckinMs: Object.fromEntries(
      Object.entries(cpu.perProcessMs).map(([k, v]) => [k, completed ? Math.round((v / completed) * 10) / 10 : NaN]),
    ),
    idleCpuMsPerSecond,
    maxStartLagMs: Math.round(maxStartLagMs),
    confirmedBeforePins: results.filter((r) => r.confirmedBeforePins).length,
    pinAttempts: results.reduce<Record<string, number>>((h, r) => {
      h[r.pinAttempts] = (h[r.pinAttempts] ?? 0) + 1;
      return h;
    }, {}),
    ledger: book,
    duplicates: ledgerDuplicates(book),
  };
}
