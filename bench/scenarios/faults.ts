// Scenario 4: the lock vendor failing 30% of calls (half of them after storing the
// PIN, the "lost response" case) with 0.5–3 s latency, then the runtime SIGKILLed
// half-way through a run. Afterwards we count, from the two systems of record, what
// every reservation ended up with: guest rows in libSQL and live PINs at the vendor.
import { inArray, sql } from "drizzle-orm";
import { guest } from "../../db/schema";
import type { BenchEnv } from "../lib/env";
import { pinsOnLock } from "../lib/http";
import { mapLimit } from "../lib/pool";
import { runCheckins, type CheckinRun } from "./checkins";

export const FAULT_VARS = {
  SIM_LOCK_FAILURE_RATE: "0.3",
  SIM_LOCK_LATENCY_MS: "500-3000",
  // Generous, so transient failures never exhaust a session's attempts.
  PIN_MAX_ATTEMPTS: "20",
  PIN_RETRY_BASE_MS: "250",
  PIN_RETRY_MAX_MS: "4000",
};

export interface Ledger {
  reservations: number;
  /** Reservations by how many guest rows (live or archived) they have, e.g. {"1": 500}. Goal: all "1". */
  guestsPerReservation: Record<string, number>;
  /**
   * Reservations by how many PINs their room lock holds, whatever session made them.
   * The room lock belongs to one reservation, so this catches a second PIN set even
   * from a session the client never heard of. Goal: all "1".
   */
  pinSetsPerReservation: Record<string, number>;
  /** Session labels holding more than one PIN on a front door. Goal: 0. */
  frontDoorDuplicateLabels: number;
  /** PINs on the batch's front door(s), to compare with the completed check-ins. */
  frontDoorPins: number;
}

export interface FaultRun {
  underFaults: { checkins: CheckinRun; ledger: Ledger };
  restart: {
    checkins: CheckinRun;
    ledger: Ledger;
    /** False if half the guests never completed, so the kill never happened. */
    killed: boolean;
    /** Guests that had started when the runtime was killed; the rest arrived during or after the outage. */
    startedAtKill: number;
    completedBeforeKill: number;
    downtimeMs: number;
    /** Guests that never completed. */
    lostGuests: number;
  };
}

export async function runFaults(env: BenchEnv, opts: { guests: number; restartGuests: number; spreadMs: number }): Promise<FaultRun> {
  env.log(`faults: ${opts.guests} guests against a failing, slow lock vendor`);
  const underFaults = await runCheckins(env, { guests: opts.guests, deadlineMs: 300_000, skipPinPush: true });
  const ledgerA = await ledger(env, underFaults);

  env.log(`faults: ${opts.restartGuests} guests arriving over ${opts.spreadMs / 1000} s, runtime SIGKILLed when half have checked in`);
  // Half done, the rest spread over every step (late arrivals are still looking up), then the kill.
  const half = Math.ceil(opts.restartGuests / 2);
  let killing: Promise<void> | undefined;
  let downtimeMs = 0;
  let completed = 0;
  let startedAtKill = 0;
  let started = 0;
  const run = await runCheckins(env, {
    guests: opts.restartGuests,
    deadlineMs: 300_000,
    tolerateRestarts: true,
    spreadMs: opts.spreadMs,
    skipPinPush: true,
    onGuestStarted: (n) => (started = n),
    onGuestFinished: (r) => {
      if (!r.ok || ++completed !== half) return;
      startedAtKill = started;
      killing = (async () => {
        const t0 = performance.now();
        await env.stack.stopRuntime("SIGKILL");
        env.log(`faults: runtime killed (SIGKILL) with ${completed} of ${opts.restartGuests} guests done, ${started} started; restarting`);
        await env.stack.startRuntime();
        downtimeMs = Math.round(performance.now() - t0);
        env.log(`faults: runtime back after ${downtimeMs} ms`);
      })();
    },
  });
  await killing;
  if (process.env.BENCH_DEBUG) for (const r of run.results) console.log(r.bookingRef, r.ok, ((r.finishedAt! - r.startedAt) / 1000).toFixed(1), r.reconnects, r.httpRetries, r.sessionIds.length, JSON.stringify(r.ms), r.pinWaitMs);
  const ledgerB = await ledger(env, run);
  return {
    underFaults: { checkins: underFaults, ledger: ledgerA },
    restart: {
      checkins: run,
      ledger: ledgerB,
      killed: killing !== undefined,
      startedAtKill,
      completedBeforeKill: half,
      downtimeMs,
      lostGuests: run.guests - run.completed,
    },
  };
}

async function ledger(env: BenchEnv, run: CheckinRun): Promise<Ledger> {
  const ids = run.reservations.map((r) => r.reservationId);
  const counts = new Map<string, number>();
  // Under SQLite's classic limit of 999 bound parameters per statement.
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await env.db
      .select({ reservationId: guest.reservationId, n: sql<number>`count(*)` })
      .from(guest)
      .where(inArray(guest.reservationId, ids.slice(i, i + 200)))
      .groupBy(guest.reservationId);
    for (const row of rows) counts.set(row.reservationId, Number(row.n));
  }

  const roomPins = await mapLimit(run.reservations, 16, async (r) => (await pinsOnLock(env.baseUrl, env.secret, r.roomLockId)).length);
  const fronts = [...new Set(run.reservations.map((r) => r.frontDoorLockId))];
  const frontPins = (await mapLimit(fronts, 4, (lock) => pinsOnLock(env.baseUrl, env.secret, lock))).flat();
  const perLabel = new Map<string, number>();
  for (const p of frontPins) perLabel.set(p.label, (perLabel.get(p.label) ?? 0) + 1);

  return {
    reservations: ids.length,
    guestsPerReservation: histogram(ids.map((id) => counts.get(id) ?? 0)),
    pinSetsPerReservation: histogram(roomPins),
    frontDoorDuplicateLabels: [...perLabel.values()].filter((n) => n > 1).length,
    frontDoorPins: frontPins.length,
  };
}

function histogram(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

/** Every reservation has exactly one guest and one PIN set, and no label has two PINs on a door. */
export function ledgerIsExact(l: Ledger): boolean {
  return l.guestsPerReservation["1"] === l.reservations && l.pinSetsPerReservation["1"] === l.reservations && l.frontDoorDuplicateLabels === 0 && l.frontDoorPins === l.reservations;
}
