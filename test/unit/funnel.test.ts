import { describe, expect, it } from "vitest";
import { analyticsCsv, csvCell } from "../../domain/funnel-csv";
import { addDays, daysInclusive, defaultRange, isIsoDate, localDays, rangeBounds } from "../../domain/date-range";
import { biggestDropOff, funnelStages, medianOf, medianWindow, sumCounts, summarizeFunnel } from "../../domain/funnel";

describe("funnel", () => {
  const counts = { started: 100, step2: 80, step3: 50, step4: 45, completed: 40 };

  it("turns reached counts into per-step and overall conversion", () => {
    const stages = funnelStages(counts);
    expect(stages.map((s) => s.key)).toEqual(["lookup", "details", "parking", "confirm", "completed"]);
    expect(stages.map((s) => s.reached)).toEqual([100, 80, 50, 45, 40]);
    expect(stages.map((s) => s.lost)).toEqual([0, 20, 30, 5, 5]);
    expect(stages[0]!.conversionFromPrevious).toBeNull();
    expect(stages[2]!.conversionFromPrevious).toBeCloseTo(50 / 80);
    expect(stages[4]!.conversionFromStart).toBeCloseTo(0.4);
  });

  it("names the step that lost the most sessions as the biggest drop-off", () => {
    const summary = summarizeFunnel(counts);
    expect(summary.completionRate).toBeCloseTo(0.4);
    expect(summary.biggestDropOff).toMatchObject({ from: "details", to: "parking", lost: 30 });
    expect(summary.biggestDropOff!.rate).toBeCloseTo(30 / 80);
  });

  it("breaks ties toward the earlier step and reports none when nobody was lost", () => {
    expect(biggestDropOff(funnelStages({ started: 10, step2: 5, step3: 0, step4: 0, completed: 0 }))).toMatchObject({
      from: "lookup",
      to: "details",
      lost: 5,
    });
    expect(biggestDropOff(funnelStages({ started: 3, step2: 3, step3: 3, step4: 3, completed: 3 }))).toBeNull();
  });

  it("has no rates, not NaN, for an empty range", () => {
    const summary = summarizeFunnel(sumCounts([]));
    expect(summary.started).toBe(0);
    expect(summary.completionRate).toBeNull();
    expect(summary.stages.every((s) => s.conversionFromStart === null)).toBe(true);
    expect(summary.biggestDropOff).toBeNull();
  });

  it("sums device rows into totals", () => {
    expect(
      sumCounts([
        { started: 1, step2: 1, step3: 1, step4: 1, completed: 1 },
        { started: 2, step2: 1, step3: 0, step4: 0, completed: 0 },
      ]),
    ).toEqual({ started: 3, step2: 2, step3: 1, step4: 1, completed: 1 });
  });
});

describe("median window", () => {
  const medianOfSorted = (xs: number[]) => {
    const w = medianWindow(xs.length);
    return w ? medianOf(xs.slice(w.offset, w.offset + w.limit)) : null;
  };

  it("picks the middle value for odd counts and averages the middle two for even", () => {
    expect(medianWindow(0)).toBeNull();
    expect(medianWindow(1)).toEqual({ offset: 0, limit: 1 });
    expect(medianWindow(5)).toEqual({ offset: 2, limit: 1 });
    expect(medianWindow(6)).toEqual({ offset: 2, limit: 2 });
    expect(medianOfSorted([])).toBeNull();
    expect(medianOfSorted([7])).toBe(7);
    expect(medianOfSorted([1, 2, 9])).toBe(2);
    expect(medianOfSorted([1, 2, 4, 9])).toBe(3);
    expect(medianOfSorted([1, 2])).toBe(2); // 1.5 rounds to whole milliseconds
  });
});

describe("local date ranges", () => {
  it("validates calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-2-1")).toBe(false);
  });

  it("counts days and moves across month ends", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(daysInclusive("2026-01-01", "2026-01-30")).toBe(30);
  });

  it("defaults to the last 30 local days including today", () => {
    // 23:30 UTC on 31 July is already 1 August in London (BST).
    const r = defaultRange(Date.UTC(2026, 6, 31, 23, 30), "Europe/London");
    expect(r).toEqual({ from: "2026-07-03", to: "2026-08-01" });
  });

  it("makes DST days 23 and 25 hours long in the property's zone", () => {
    const [spring] = localDays("2026-03-29", "2026-03-29", "Europe/London");
    const [autumn] = localDays("2026-10-25", "2026-10-25", "Europe/London");
    expect(spring!.endMs - spring!.startMs).toBe(23 * 3600_000);
    expect(autumn!.endMs - autumn!.startMs).toBe(25 * 3600_000);
    expect(rangeBounds("2026-07-01", "2026-07-01", "Europe/London").startMs).toBe(Date.UTC(2026, 5, 30, 23));
  });

  it("tiles a range with days that touch end to start", () => {
    const days = localDays("2026-03-27", "2026-04-02", "Europe/London");
    expect(days).toHaveLength(7);
    for (let i = 1; i < days.length; i++) expect(days[i]!.startMs).toBe(days[i - 1]!.endMs);
    const bounds = rangeBounds("2026-03-27", "2026-04-02", "Europe/London");
    expect(bounds).toEqual({ startMs: days[0]!.startMs, endMs: days[6]!.endMs });
  });
});

describe("CSV export", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.5)).toBe("0.5");
  });

  it("carries the same numbers as the report", () => {
    const s = summarizeFunnel({ started: 10, step2: 8, step3: 6, step4: 5, completed: 4 });
    const csv = analyticsCsv({
      propertyId: "p",
      timeZone: "Europe/London",
      from: "2026-01-01",
      to: "2026-01-02",
      sessionsStarted: 10,
      completed: 4,
      completionRate: 0.4,
      medianCompletionMs: 120_000,
      funnel: s.stages,
      biggestDropOff: s.biggestDropOff,
      devices: [{ deviceType: "mobile", started: 10, step2: 8, step3: 6, step4: 5, completed: 4, completionRate: 0.4 }],
      daily: [
        { date: "2026-01-01", started: 6, completed: 3 },
        { date: "2026-01-02", started: 4, completed: 1 },
      ],
    });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("section,key,label,value,rate");
    expect(lines).toContain("summary,sessions_started,Sessions started,10,");
    expect(lines).toContain("summary,completed,Check-ins completed,4,0.4");
    expect(lines).toContain("funnel,parking,Parking,6,0.6");
    expect(lines).toContain("daily,2026-01-01,completed,3,0.5");
    expect(lines).toContain("device,mobile,started,10,");
  });
});
