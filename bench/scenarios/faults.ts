// Scenario 4: the lock vendor failing 30% of calls (half of them after storing the
// PIN, the "lost response" case) with 0.5–3 s latency, and on half the room locks one
// of Seam's real failure modes at the same time (bench/lib/fault-modes.ts); then the
// runtime SIGKILLed half-way through a run. Afterwards we count, from the systems of
// record, what every reservation ended up with: guest rows in libSQL, codes at the
// (simulated) Seam workspace, and per mode the lock states, backups and alerts the desk sees.
import { randomBytes } from "node:crypto";
import type { BenchEnv } from "../lib/env";
import { tallyModes, type ModeRow } from "../lib/fault-modes";
import { playAfterCheckin, prepareModes, type ModeAssignment } from "../lib/fault-probe";
import { ledger, type Ledger } from "../lib/ledger";
import { runCheckins, type CheckinRun } from "./checkins";

export const FAULT_VARS = {
  SIM_LOCK_FAILURE_RATE: "0.3",
  SIM_LOCK_LATENCY_MS: "500-3000",
  // Generous, so transient failures never exhaust a session's attempts.
  PIN_MAX_ATTEMPTS: "20",
  PIN_RETRY_BASE_MS: "250",
  PIN_RETRY_MAX_MS: "4000",
  // A lost webhook is found by polling within seconds, and a code unconfirmed a minute after
  // arrival (midnight, see seedBatch) is an alert while the bench watches.
  LOCK_POLL_MS: "1000",
  LOCK_CONFIRM_ALERT_MINUTES: "1",
  // Seam's webhooks on, as a real deployment has them: without a secret the simulator sends none.
  SEAM_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
};

export interface FaultRun {
  /** `ledger` leaves out the room locks whose code was removed at the lock: the mode table wants none there. */
  underFaults: { checkins: CheckinRun; ledger: Ledger; modes: ModeRow[]; settleMs: number; boardErrors: string[] };
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

export async function runFaults(
  env: BenchEnv,
  opts: { guests: number; restartGuests: number; spreadMs: number; failAfterMs: number; settleMs: number },
): Promise<FaultRun> {
  env.log(`faults: ${opts.guests} guests against a failing, slow lock vendor, half the room locks in a failure mode`);
  let assigned: ModeAssignment[] = [];
  const underFaults = await runCheckins(env, {
    guests: opts.guests,
    deadlineMs: 300_000,
    skipPinPush: true,
    earlyCheckInTime: "00:00",
    prepare: async (reservations) => {
      assigned = await prepareModes(env, reservations, opts.failAfterMs);
    },
  });
  env.log("faults: locks back online, codes removed at the lock; waiting for every reservation to settle");
  const after = await playAfterCheckin(env, assigned, underFaults.results, opts.settleMs);
  const removed = new Set(assigned.filter((a) => a.mode === "removed").map((a) => a.reservation.reservationId));
  const ledgerA = await ledger(env, underFaults.reservations, removed);

  env.log(
    `faults: ${opts.restartGuests} guests arriving over ${opts.spreadMs / 1000} s, runtime SIGKILLed when half have checked in`,
  );
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
        env.log(
          `faults: runtime killed (SIGKILL) with ${completed} of ${opts.restartGuests} guests done, ${started} started; restarting`,
        );
        await env.stack.startRuntime();
        downtimeMs = Math.round(performance.now() - t0);
        env.log(`faults: runtime back after ${downtimeMs} ms`);
      })();
    },
  });
  await killing;
  if (process.env.BENCH_DEBUG)
    for (const r of run.results)
      console.log(
        r.bookingRef,
        r.ok,
        ((r.finishedAt! - r.startedAt) / 1000).toFixed(1),
        r.reconnects,
        r.httpRetries,
        r.sessionIds.length,
        JSON.stringify(r.ms),
        r.pinWaitMs,
      );
  const ledgerB = await ledger(env, run.reservations);
  return {
    underFaults: {
      checkins: underFaults,
      ledger: ledgerA,
      modes: tallyModes(after.observations),
      settleMs: after.settleMs,
      boardErrors: after.boardErrors,
    },
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
