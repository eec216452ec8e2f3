import { describe, expect, it } from "vitest";
import { afterRun, dueJobs, nextJobWakeUp, wakeJob } from "../../domain/job-schedule";

describe("job schedule", () => {
  it("lists due jobs in name order and wakes at the earliest", () => {
    const dues = { b: 100, a: 50, c: 300 };
    expect(dueJobs(dues, 100)).toEqual(["a", "b"]);
    expect(nextJobWakeUp(dues)).toBe(50);
    expect(nextJobWakeUp({})).toBeNull();
  });

  it("moves a job earlier on a poke, never later", () => {
    expect(wakeJob({ a: 500 }, "a", 100)).toEqual({ a: 100 });
    const dues = { a: 100 };
    expect(wakeJob(dues, "a", 500)).toBe(dues);
    expect(wakeJob({}, "a", 7)).toEqual({ a: 7 });
  });

  it("schedules the next run from the job's answer, capped by its interval", () => {
    expect(afterRun({ a: 0 }, "a", 1000, 60_000)).toEqual({ a: 61_000 });
    expect(afterRun({ a: 0 }, "a", 1000, 60_000, 5000)).toEqual({ a: 5000 });
    expect(afterRun({ a: 0 }, "a", 1000, 60_000, 10_000_000)).toEqual({ a: 61_000 });
    // An answer in the past runs again now, not in a tight loop before now.
    expect(afterRun({ a: 0 }, "a", 1000, 60_000, 10)).toEqual({ a: 1000 });
    expect(afterRun({ a: 0 }, "a", 1000, 60_000, Number.NaN)).toEqual({ a: 61_000 });
  });
});
