// Open-loop arrivals, the way wrk2 and k6's constant-arrival-rate drive load: arrival i
// is due at start + i / rate whatever happened to earlier arrivals, and everything a
// guest does is timed from when it was due. If this process falls behind (a busy event
// loop, a late timer) the delay lands in the measured latency instead of silently
// lowering the offered load, which is the coordinated omission a closed loop has.
import { sleep } from "./pool";

/** When arrival `i` is due, in ms after the start, at `ratePerSecond`. */
export function arrivalOffsetMs(i: number, ratePerSecond: number): number {
  return (i * 1000) / ratePerSecond;
}

export function arrivalCount(ratePerSecond: number, seconds: number): number {
  return Math.max(1, Math.round(ratePerSecond * seconds));
}

/**
 * Starts `count` tasks at their due times (performance.now() based) without waiting for
 * any of them, and resolves with every task's result once all have settled.
 * `maxStartLagMs` says how far behind schedule the latest start was: the load generator's
 * own lag, already inside the measured latencies, reported so a slow client is visible.
 */
export async function runArrivals<T>(
  count: number,
  ratePerSecond: number,
  task: (index: number, dueAt: number) => Promise<T>,
): Promise<{ results: T[]; startedAt: number; maxStartLagMs: number }> {
  const startedAt = performance.now();
  const running: Promise<T>[] = [];
  let maxStartLagMs = 0;
  for (let i = 0; i < count; i++) {
    const dueAt = startedAt + arrivalOffsetMs(i, ratePerSecond);
    const wait = dueAt - performance.now();
    if (wait > 0) await sleep(wait);
    maxStartLagMs = Math.max(maxStartLagMs, performance.now() - dueAt);
    running.push(task(i, dueAt));
  }
  return { results: await Promise.all(running), startedAt, maxStartLagMs };
}

/** Resolves at performance.now() `at` (at once if that is past). */
export function sleepUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  return wait > 0 ? sleep(wait) : Promise.resolve();
}
