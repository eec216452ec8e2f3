import { describe, expect, it } from "vitest";
import {
  alignRange,
  binBounds,
  durationBin,
  type DailyCell,
  type HourlyCell,
  hourlyCell,
  mergeCells,
  mergeDurations,
  NULL_DURATION_BIN,
  type RollupSource,
  ranksInBins,
  rollupDelta,
} from "../../domain/analytics-rollup";

const T = Date.UTC(2026, 10, 30, 9, 59, 59, 999);
const row = (over: Partial<RollupSource> = {}): RollupSource => ({
  propertyId: "p1",
  deviceType: "mobile",
  startedAt: T,
  stepReached: 1,
  completed: false,
  completedAt: null,
  language: null,
  ...over,
});

/** The rollup a sequence of writes leaves behind: every delta added up. */
function applyWrites(states: readonly (RollupSource | null)[]) {
  const hourly: HourlyCell[] = [];
  const daily: DailyCell[] = [];
  const durations = [];
  let before: RollupSource | null = null;
  for (const after of states) {
    const d = rollupDelta(before, after);
    hourly.push(...d.hourly);
    daily.push(...d.daily);
    durations.push(...d.durations);
    before = after;
  }
  return { hourly: mergeCells(hourly), daily: mergeCells(daily), durations: mergeDurations(durations) };
}

describe("analytics rollup deltas", () => {
  it("counts a new row once in its UTC hour, device and language", () => {
    const d = rollupDelta(null, row({ stepReached: 3, language: "fr" }));
    expect(d.hourly).toEqual([
      {
        propertyId: "p1",
        hourMs: Date.UTC(2026, 10, 30, 9),
        deviceType: "mobile",
        language: "fr",
        started: 1,
        step2: 1,
        step3: 1,
        step4: 0,
        completed: 0,
      },
    ]);
    expect(d.durations).toEqual([]);
    expect(d.daily).toEqual([expect.objectContaining({ dayMs: Date.UTC(2026, 10, 30), language: "fr", step3: 1 })]);
  });

  it("a replayed write changes nothing, however often it arrives", () => {
    const r = row({ stepReached: 4, completed: true, completedAt: T + 95_000 });
    expect(rollupDelta(r, { ...r })).toEqual({ hourly: [], daily: [], durations: [] });
    const once = applyWrites([r]);
    expect(applyWrites([r, { ...r }, { ...r }])).toEqual(once);
  });

  it("moving a row forward adds only the steps it newly reached", () => {
    const d = rollupDelta(row({ stepReached: 2 }), row({ stepReached: 4 }));
    expect(d.hourly).toHaveLength(1);
    expect(d.hourly[0]).toMatchObject({ started: 0, step2: 0, step3: 1, step4: 1, completed: 0 });
  });

  it("completing adds one completion and one duration in the bin of its time-to-complete", () => {
    const d = rollupDelta(row({ stepReached: 4 }), row({ stepReached: 4, completed: true, completedAt: T + 95_000 }));
    expect(d.hourly[0]).toMatchObject({ started: 0, step2: 0, step3: 0, step4: 0, completed: 1 });
    expect(d.durations).toEqual([{ propertyId: "p1", dayMs: Date.UTC(2026, 10, 30), bin: 9, completions: 1 }]);
  });

  it("a language chosen mid-way moves the whole session to that language's cell", () => {
    const d = rollupDelta(row({ stepReached: 2 }), row({ stepReached: 2, language: "de" }));
    expect(d.hourly).toEqual([
      expect.objectContaining({ language: "", started: -1, step2: -1 }),
      expect.objectContaining({ language: "de", started: 1, step2: 1 }),
    ]);
  });

  it("any sequence of writes leaves exactly the final row's contribution", () => {
    const final = row({ stepReached: 4, completed: true, completedAt: T + 3_700_000, language: "es" });
    const seq = [
      row(),
      row({ stepReached: 2 }),
      row({ stepReached: 2 }),
      row({ stepReached: 3, language: "es" }),
      final,
    ];
    expect(applyWrites(seq)).toEqual(applyWrites([final]));
    // and a deleted row leaves nothing
    expect(applyWrites([...seq, null])).toEqual({ hourly: [], daily: [], durations: [] });
  });

  it("hours are UTC: the last millisecond of an hour is still in it", () => {
    expect(hourlyCell(row()).hourMs).toBe(Date.UTC(2026, 10, 30, 9));
    expect(hourlyCell(row({ startedAt: T + 1 })).hourMs).toBe(Date.UTC(2026, 10, 30, 10));
  });
});

describe("duration bins", () => {
  it("are 10 s wide, clamp below 0 and above an hour, and put a missing time first", () => {
    expect(durationBin(0, 9_999)).toBe(0);
    expect(durationBin(0, 10_000)).toBe(1);
    expect(durationBin(5_000, 0)).toBe(0);
    expect(durationBin(0, 3_599_999)).toBe(359);
    expect(durationBin(0, 99_000_000)).toBe(360);
    expect(durationBin(0, null)).toBe(NULL_DURATION_BIN);
  });

  it("have bounds that contain exactly their own durations", () => {
    for (const ms of [-5, 0, 9_999, 10_000, 123_456, 3_599_999, 3_600_000, 9e9]) {
      const { lo, hi } = binBounds(durationBin(0, ms));
      expect(lo === null || ms >= lo).toBe(true);
      expect(hi === null || ms < hi).toBe(true);
    }
  });

  it("locate the median's ranks and their place inside the bin", () => {
    const bins = [
      { bin: 3, completions: 2 },
      { bin: -1, completions: 1 },
      { bin: 7, completions: 4 },
      { bin: 5, completions: 0 },
    ];
    // sorted: -1:[0], 3:[1,2], 7:[3..6]
    expect(ranksInBins(bins, [0, 1, 2, 3, 6])).toEqual([
      { bin: -1, offset: 0 },
      { bin: 3, offset: 0 },
      { bin: 3, offset: 1 },
      { bin: 7, offset: 0 },
      { bin: 7, offset: 3 },
    ]);
    expect(() => ranksInBins(bins, [7])).toThrow(RangeError);
  });
});

describe("alignRange", () => {
  const H = 3_600_000;
  it("leaves no slivers when both ends are whole units", () => {
    expect(alignRange(2 * H, 26 * H, H)).toEqual({ alignedStart: 2 * H, alignedEnd: 26 * H, edges: [] });
  });

  it("reads the half hours either side of a +05:30 day from raw rows", () => {
    const start = 18.5 * H;
    const end = start + 24 * H;
    expect(alignRange(start, end, H)).toEqual({
      alignedStart: 19 * H,
      alignedEnd: 42 * H,
      edges: [
        { startMs: start, endMs: 19 * H },
        { startMs: 42 * H, endMs: end },
      ],
    });
  });

  it("a range inside one unit is all sliver", () => {
    expect(alignRange(H + 5, H + 10, H)).toEqual({
      alignedStart: 2 * H,
      alignedEnd: 2 * H,
      edges: [{ startMs: H + 5, endMs: H + 10 }],
    });
  });
});
