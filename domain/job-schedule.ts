// When a property's background jobs run next. Each job keeps one "due at" time; the
// room wakes at the earliest one. Pure so the alarm's arithmetic is tested without a runtime.

/** Job name → when it is next due (epoch ms). A job absent from the map is not scheduled. */
export type JobDues = Record<string, number>;

/** The jobs whose time has come, in name order so runs are deterministic. */
export function dueJobs(dues: JobDues, now: number): string[] {
  return Object.keys(dues)
    .filter((name) => (dues[name] ?? Infinity) <= now)
    .sort();
}

/** When the room should next wake, or null when nothing is scheduled. */
export function nextJobWakeUp(dues: JobDues): number | null {
  let next = Infinity;
  for (const at of Object.values(dues)) next = Math.min(next, at);
  return next === Infinity ? null : next;
}

/**
 * A wake-up request moves a job earlier, never later: a job already due sooner keeps its
 * time, so a burst of pokes (every booking saved during an import) costs one run.
 */
export function wakeJob(dues: JobDues, name: string, at: number): JobDues {
  const current = dues[name];
  return current !== undefined && current <= at ? dues : { ...dues, [name]: at };
}

/**
 * After a run: the job's own answer if it gave one, else its regular interval. A run that
 * threw is retried after the interval too, so one failing job never spins the room.
 */
export function afterRun(dues: JobDues, name: string, now: number, everyMs: number, requested?: number): JobDues {
  const next = requested !== undefined && Number.isFinite(requested) ? Math.max(requested, now) : now + everyMs;
  return { ...dues, [name]: Math.min(next, now + everyMs) };
}
