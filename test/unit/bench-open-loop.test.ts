import { describe, expect, it } from "vitest";
import { arrivalCount, arrivalOffsetMs, runArrivals } from "../../bench/lib/arrivals";
import { capacity, judgeRate, stepComparisons, type RateOutcome } from "../../bench/lib/capacity";
import { checkinFloor } from "../../bench/lib/floor";
import { summarize } from "../../bench/lib/stats";

const steps = (p99: number, echoP99 = 10) =>
  ["lookup", "connect", "details", "parking", "confirm", "stayToken", "stay"].map((step) => ({ step, p99, echoP99 }));
const outcome = (rate: number, over: Partial<RateOutcome> = {}): RateOutcome => ({
  rate,
  failed: 0,
  steps: steps(15),
  dashboardsP99: 30,
  ...over,
});

describe("open-loop arrivals", () => {
  it("spaces arrivals by 1 / rate and counts rate × seconds of them", () => {
    expect(arrivalOffsetMs(0, 20)).toBe(0);
    expect(arrivalOffsetMs(3, 20)).toBe(150);
    expect(arrivalCount(20, 60)).toBe(1200);
    expect(arrivalCount(0.5, 1)).toBe(1);
  });

  it("keeps each arrival's due time when the generator falls behind, and reports the lag", async () => {
    const seen: { i: number; dueAt: number; startedAt: number }[] = [];
    const { results, startedAt, maxStartLagMs } = await runArrivals(4, 100, async (i, dueAt) => {
      seen.push({ i, dueAt, startedAt: performance.now() });
      // The first task hogs the event loop well past the next two due times.
      if (i === 0) {
        const until = performance.now() + 40;
        while (performance.now() < until);
      }
      return i;
    });
    expect(results).toEqual([0, 1, 2, 3]);
    for (const s of seen) expect(s.dueAt).toBeCloseTo(startedAt + s.i * 10, 5);
    // Arrivals 1..3 started late, and the latency the bench reports is measured from dueAt, not startedAt.
    expect(seen[1]!.startedAt - seen[1]!.dueAt).toBeGreaterThan(20);
    expect(maxStartLagMs).toBeGreaterThan(20);
  });
});

describe("open-loop capacity", () => {
  it("passes a rate within 2× echo at every step and 50 ms on the board", () => {
    expect(judgeRate(outcome(10))).toEqual({ rate: 10, passed: true, reasons: [] });
  });

  it("fails a rate on any failed guest, a step over 2× echo, a slow board or a missing measurement", () => {
    expect(judgeRate(outcome(10, { failed: 1 })).reasons).toEqual(["1 guests failed"]);
    const slowStep = outcome(10, { steps: [...steps(15), { step: "stay", p99: 21, echoP99: 10 }] });
    expect(judgeRate(slowStep).reasons).toEqual(["stay p99 2.10× echo"]);
    expect(judgeRate(outcome(10, { dashboardsP99: 50.5 })).reasons).toEqual(["dashboards p99 50.5 ms"]);
    expect(judgeRate(outcome(10, { dashboardsP99: NaN })).passed).toBe(false);
    expect(judgeRate(outcome(10, { steps: [{ step: "lookup", p99: NaN, echoP99: 10 }] })).passed).toBe(false);
  });

  it("is the highest passing rate, naming lower rates that failed", () => {
    const cap = capacity([outcome(40, { dashboardsP99: 80 }), outcome(5), outcome(20), outcome(10, { failed: 2 })]);
    expect(cap.rate).toBe(20);
    expect(cap.failedBelow).toEqual([10]);
    expect(cap.verdicts.map((v) => v.rate)).toEqual([5, 10, 20, 40]);
    expect(capacity([outcome(5, { failed: 1 })]).rate).toBeNull();
  });

  it("compares socket steps with the echo round trip and HTTP steps with the echo GET", () => {
    const s = (p99: number) => ({ ...summarize([p99]) });
    const c = stepComparisons(
      { lookup: s(100), connect: s(50), details: s(20), parking: s(20), confirm: s(20), stayToken: s(40), stay: s(90) },
      { http: s(60), connect: s(30), roundTrip: s(10) },
    );
    expect(Object.fromEntries(c.map((x) => [x.step, x.echoP99]))).toEqual({
      lookup: 60,
      connect: 30,
      details: 10,
      parking: 10,
      confirm: 10,
      stayToken: 10,
      stay: 60,
    });
  });
});

describe("the floor", () => {
  const probe = (name: string, workerd: number) => ({ probe: name, count: 100, wallMs: 1, perOpMs: { workerd } });
  it("prices each hop with the costs probes, the libSQL query as /healthz minus the bare request", () => {
    const floor = checkinFloor([
      probe("HTTP to the main party, no I/O (404)", 0.5),
      probe("HTTP to the main party + one libSQL query (/healthz)", 1.2),
      probe("HTTP to a new room + storage write (limiter)", 2),
      probe("HTTP to an existing room + storage write (limiter)", 1),
      probe("HTTP to an existing room (echo)", 0.5),
      probe("websocket message round trip (echo)", 0.05),
    ]);
    // 2 × 0.5 + 5 × 0.7 + 4 × 2 + 1 × 1 + 2 × 0.5 + 20 × 0.05
    expect(floor?.totalMs).toBe(15.5);
  });

  it("is unknown without the probes", () => {
    expect(checkinFloor([])).toBeNull();
  });
});
