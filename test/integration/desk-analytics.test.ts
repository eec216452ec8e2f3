// Funnel analytics over rows with known answers. The test writes analytics rows it
// generated itself, works out every number from those rows in plain JavaScript (its
// own local-day arithmetic via Intl, its own median), and requires the API and the
// CSV to agree exactly. The range spans the October DST change, and one range is
// wide enough that the median takes the duration-index path, another narrow enough
// for the sort path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEDIAN_SORT_MAX } from "../../db/queries/analytics";
import { auditEntries } from "../../db/queries/audit";
import { checkinAnalytics } from "../../db/schema";
import type { DeviceType } from "../../domain/device-type";
import { deskAnalyticsResponse, type DeskAnalyticsResponse } from "../../shared/protocol/desk-http";
import { startTestStack, type TestStack } from "../support/stack";
import { desk, PROPERTY, signIn } from "./desk-helpers";

type Row = typeof checkinAnalytics.$inferInsert;

const TZ = "Europe/London";
const localDay = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });
const dayOf = (ms: number) => localDay.format(new Date(ms));
const DEVICES: DeviceType[] = ["mobile", "tablet", "desktop"];

let stack: TestStack;
let cookie: string;
const rows: Row[] = [];

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate() {
  const rand = lcg(42);
  // 18 Oct 2026 00:00 UTC .. 8 Nov 2026: around the 25 Oct clock change, with spill on both sides.
  const start = Date.UTC(2026, 9, 18);
  const span = 21 * 86_400_000;
  const push = (r: Omit<Row, "sessionId" | "bookingRef">) =>
    rows.push({ ...r, sessionId: `t-${rows.length}`, bookingRef: `FDT${rows.length}` });
  for (let i = 0; i < 42_000; i++) {
    const startedAt = start + Math.floor(rand() * span);
    const u = rand();
    const step = u < 0.1 ? 1 : u < 0.2 ? 2 : u < 0.26 ? 3 : 4;
    const completed = step === 4 && rand() < 0.93;
    push({
      propertyId: rand() < 0.05 ? "prop-elsewhere" : PROPERTY,
      stepReached: step,
      completed,
      deviceType: DEVICES[Math.floor(rand() * 3)]!,
      startedAt,
      completedAt: completed ? startedAt + 20_000 + Math.floor(rand() * 900_000) : null,
    });
  }
  // Right on local midnights either side of the clock change (BST 23:00Z, then GMT 00:00Z).
  for (const t of [
    Date.UTC(2026, 9, 19, 23),
    Date.UTC(2026, 9, 19, 22, 59, 59, 999),
    Date.UTC(2026, 9, 26, 0),
    Date.UTC(2026, 9, 25, 23, 59, 59, 999),
  ]) {
    push({
      propertyId: PROPERTY,
      stepReached: 4,
      completed: true,
      deviceType: "tablet",
      startedAt: t,
      completedAt: t + 60_000,
    });
  }
}

/** Each row's local day, worked out once. */
const dayCache = new Map<Row, string>();
function rowDay(r: Row): string {
  let day = dayCache.get(r);
  if (day === undefined) {
    day = dayOf(r.startedAt);
    dayCache.set(r, day);
  }
  return day;
}

function expected(from: string, to: string) {
  const inRange = rows.filter((r) => r.propertyId === PROPERTY && rowDay(r) >= from && rowDay(r) <= to);
  const count = (list: Row[]) => ({
    started: list.length,
    step2: list.filter((r) => r.stepReached >= 2).length,
    step3: list.filter((r) => r.stepReached >= 3).length,
    step4: list.filter((r) => r.stepReached >= 4).length,
    completed: list.filter((r) => r.completed).length,
  });
  const totals = count(inRange);
  const durations = inRange
    .filter((r) => r.completed)
    .map((r) => r.completedAt! - r.startedAt)
    .sort((a, b) => a - b);
  const n = durations.length;
  const median =
    n === 0 ? null : n % 2 ? durations[(n - 1) / 2]! : Math.round((durations[n / 2 - 1]! + durations[n / 2]!) / 2);
  const reached = [totals.started, totals.step2, totals.step3, totals.step4, totals.completed];
  const keys = ["lookup", "details", "parking", "confirm", "completed"];
  let worst = { to: "", lost: 0 };
  for (let i = 1; i < reached.length; i++) {
    const lost = reached[i - 1]! - reached[i]!;
    if (lost > worst.lost) worst = { to: keys[i]!, lost };
  }
  const days: { date: string; started: number; completed: number }[] = [];
  for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    const list = inRange.filter((r) => rowDay(r) === date);
    days.push({ date, started: list.length, completed: list.filter((r) => r.completed).length });
  }
  return {
    totals,
    median,
    worst,
    devices: DEVICES.map((d) => ({ deviceType: d, ...count(inRange.filter((r) => r.deviceType === d)) })),
    days,
  };
}

async function report(query: string): Promise<DeskAnalyticsResponse> {
  const r = await desk(stack.url, `/analytics${query}`, cookie);
  expect(r.status, r.text).toBe(200);
  return deskAnalyticsResponse.parse(r.body);
}

function expectMatches(got: DeskAnalyticsResponse, want: ReturnType<typeof expected>) {
  expect(got.sessionsStarted).toBe(want.totals.started);
  expect(got.completed).toBe(want.totals.completed);
  expect(got.completionRate).toBeCloseTo(want.totals.completed / want.totals.started, 12);
  expect(got.funnel.map((s) => s.reached)).toEqual([
    want.totals.started,
    want.totals.step2,
    want.totals.step3,
    want.totals.step4,
    want.totals.completed,
  ]);
  expect(got.medianCompletionMs).toBe(want.median);
  expect(got.biggestDropOff).toMatchObject({ to: want.worst.to, lost: want.worst.lost });
  expect(got.devices.map(({ completionRate: _, ...d }) => d)).toEqual(want.devices);
  expect(got.daily).toEqual(want.days);
}

beforeAll(async () => {
  stack = await startTestStack();
  generate();
  for (let i = 0; i < rows.length; i += 1000) await stack.db.insert(checkinAnalytics).values(rows.slice(i, i + 1000));
  cookie = await signIn(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

describe("funnel numbers", () => {
  it("match counts computed from the rows, over a range that needs the duration index for the median", async () => {
    const want = expected("2026-10-19", "2026-11-06");
    expect(want.totals.completed).toBeGreaterThan(MEDIAN_SORT_MAX);
    const got = await report("?from=2026-10-19&to=2026-11-06");
    expect(got).toMatchObject({ from: "2026-10-19", to: "2026-11-06", timeZone: TZ, propertyId: PROPERTY });
    expect(got.daily).toHaveLength(19);
    expectMatches(got, want);
  });

  it("match on single days either side of the clock change (sort path for the median)", async () => {
    for (const day of ["2026-10-20", "2026-10-25", "2026-10-26"]) {
      const want = expected(day, day);
      expect(want.totals.completed).toBeLessThanOrEqual(MEDIAN_SORT_MAX);
      expectMatches(await report(`?from=${day}&to=${day}`), want);
    }
  });

  it("are zero, with no rates, for a range without sessions", async () => {
    const got = await report("?from=2020-01-01&to=2020-01-03");
    expect(got.sessionsStarted).toBe(0);
    expect(got.completionRate).toBeNull();
    expect(got.medianCompletionMs).toBeNull();
    expect(got.biggestDropOff).toBeNull();
    expect(got.daily).toEqual([
      { date: "2020-01-01", started: 0, completed: 0 },
      { date: "2020-01-02", started: 0, completed: 0 },
      { date: "2020-01-03", started: 0, completed: 0 },
    ]);
  });

  it("default to the last 30 days in the property's time zone", async () => {
    const got = await report("");
    expect(got.daily).toHaveLength(30);
    expect(got.to).toBe(dayOf(Date.now()));
  });

  it("reject bad ranges with field errors", async () => {
    for (const q of [
      "?from=2026-13-01",
      "?from=2026-11-02&to=2026-11-01",
      "?from=2024-01-01&to=2026-01-01",
      "?to=yesterday",
    ]) {
      const r = await desk(stack.url, `/analytics${q}`, cookie);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe("validation");
      expect(Object.keys(r.body.error.fields ?? {}).length, q).toBeGreaterThan(0);
    }
  });
});

describe("CSV export", () => {
  it("carries the same numbers as the JSON and is audited", async () => {
    const want = expected("2026-10-19", "2026-11-06");
    const r = await desk(stack.url, "/analytics.csv?from=2026-10-19&to=2026-11-06", cookie);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(r.headers.get("content-disposition")).toMatch(
      /attachment; filename="frontdoor-funnel-prop-harbour-2026-10-19-to-2026-11-06\.csv"/,
    );
    const cells = r.text
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    const value = (section: string, key: string, label?: string) =>
      Number(cells.find((c) => c[0] === section && c[1] === key && (label === undefined || c[2] === label))![3]);
    expect(value("summary", "sessions_started")).toBe(want.totals.started);
    expect(value("summary", "completed")).toBe(want.totals.completed);
    expect(value("summary", "median_completion_ms")).toBe(want.median);
    expect(value("funnel", "parking")).toBe(want.totals.step3);
    expect(value("device", "tablet", "completed")).toBe(want.devices[1]!.completed);
    for (const day of want.days) expect(value("daily", day.date, "started")).toBe(day.started);
    const audit = await auditEntries(stack.db, { action: "analytics.export" });
    expect(audit.at(-1)).toMatchObject({ detail: "2026-10-19..2026-11-06" });
  });
});
