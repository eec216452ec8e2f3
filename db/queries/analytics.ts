// The desk's funnel numbers, computed by the database. Every query is a range scan on
// an index that covers it (see checkin_analytics in schema.ts), returning at most a
// few hundred aggregate rows; the arithmetic on those rows lives in domain/funnel.ts.
// `bench/analytics.ts` runs these same statements against a million rows.
import { doorTroubleCount } from "./door-trouble";
import { sql, type SQL } from "drizzle-orm";
import { daysInclusive, localDays, MAX_RANGE_DAYS, rangeBounds, type LocalDay } from "../../domain/date-range";
import { medianOf, medianWindow, sumCounts, summarizeFunnel, type FunnelCounts } from "../../domain/funnel";
import type { DeviceType } from "../../domain/device-type";
import { deviceType } from "../../shared/protocol/common";
import type { DeskAnalyticsResponse } from "../../shared/protocol/desk-http";
import type { Database } from "../client";
import { checkinAnalytics as a } from "../schema";

export const DEVICE_INDEX = "checkin_analytics_property_device_started_idx";
export const DURATION_INDEX = "checkin_analytics_property_duration_idx";
const DEVICES = deviceType.options;

/**
 * Below this many completions the median sorts the range's completions (cheap, and
 * exact work for a small range); above it, it walks the duration index, whose cost is
 * bounded by the property's completions however wide the range. Measured in the bench.
 */
export const MEDIAN_SORT_MAX = 20_000;

export interface AnalyticsRange {
  propertyId: string;
  /** Inclusive. */
  startMs: number;
  /** Exclusive. */
  endMs: number;
}

export interface DeviceCountsRow extends FunnelCounts {
  deviceType: DeviceType;
}

export interface DailyRow {
  date: string;
  started: number;
  completed: number;
}

const inDevices = sql`${a.deviceType} in (${sql.join(
  DEVICES.map((d) => sql`${d}`),
  sql`, `,
)})`;

/** Property + device list + start range: the prefix of the device index, as three seeks. */
function scoped(propertyId: string, start: SQL | number, end: SQL | number): SQL {
  return sql`${a.propertyId} = ${propertyId} and ${inDevices} and ${a.startedAt} >= ${start} and ${a.startedAt} < ${end}`;
}

/** How far the range's sessions got, as the columns of FunnelCounts; callers add the grouping. */
function funnelOverRange(r: AnalyticsRange): SQL {
  return sql`count(*) as started,
      coalesce(sum(${a.stepReached} >= 2), 0) as step2,
      coalesce(sum(${a.stepReached} >= 3), 0) as step3,
      coalesce(sum(${a.stepReached} >= 4), 0) as step4,
      coalesce(sum(${a.completed}), 0) as completed
    from ${a} indexed by ${sql.identifier(DEVICE_INDEX)}
    where ${scoped(r.propertyId, r.startMs, r.endMs)}`;
}

export function deviceFunnelQuery(r: AnalyticsRange): SQL {
  return sql`select ${a.deviceType} as deviceType, ${funnelOverRange(r)}
    group by ${a.deviceType}`;
}

/**
 * One row per local day. Each day is its own pair of index range scans (correlated
 * subqueries), which avoids the sort a GROUP BY over a computed day would need; days
 * are passed in because a local day's bounds depend on the time zone's DST rules.
 */
export function dailyQuery(propertyId: string, days: readonly LocalDay[]): SQL {
  const values = sql.join(
    days.map((d) => sql`(${d.date}, ${d.startMs}, ${d.endMs})`),
    sql`, `,
  );
  const daily = (agg: SQL) =>
    sql`(select ${agg} from ${a} indexed by ${sql.identifier(DEVICE_INDEX)}
      where ${scoped(propertyId, sql`days.start_ms`, sql`days.end_ms`)})`;
  return sql`with days(date, start_ms, end_ms) as (values ${values})
    select days.date as date,
      ${daily(sql`count(*)`)} as started,
      ${daily(sql`coalesce(sum(${a.completed}), 0)`)} as completed
    from days order by days.date`;
}

/** The middle one or two completion durations, by sorting the range's completions. */
export function medianBySortQuery(r: AnalyticsRange, offset: number, limit: number): SQL {
  return sql`select ${a.completedAt} - ${a.startedAt} as ms
    from ${a} indexed by ${sql.identifier(DEVICE_INDEX)}
    where ${scoped(r.propertyId, r.startMs, r.endMs)} and ${a.completed} = 1
    order by ms limit ${limit} offset ${offset}`;
}

/** The same, walking the duration index in order and skipping rows outside the range. */
export function medianByIndexQuery(r: AnalyticsRange, offset: number, limit: number): SQL {
  return sql`select ${a.completedAt} - ${a.startedAt} as ms
    from ${a} indexed by ${sql.identifier(DURATION_INDEX)}
    where ${a.propertyId} = ${r.propertyId} and ${a.completed} = 1
      and ${a.startedAt} >= ${r.startMs} and ${a.startedAt} < ${r.endMs}
    order by (${a.completedAt} - ${a.startedAt}) limit ${limit} offset ${offset}`;
}

export function medianQuery(r: AnalyticsRange, completedCount: number): SQL | null {
  const w = medianWindow(completedCount);
  if (!w) return null;
  return completedCount <= MEDIAN_SORT_MAX
    ? medianBySortQuery(r, w.offset, w.limit)
    : medianByIndexQuery(r, w.offset, w.limit);
}

/**
 * The funnel by guest language. The device index finds the range (the language is not
 * in it, so rows are read); at most a dozen groups come back.
 */
export function languageFunnelQuery(r: AnalyticsRange): SQL {
  return sql`select ${a.language} as language, ${funnelOverRange(r)}
    group by ${a.language}
    order by started desc, ${a.language}`;
}

export interface LanguageCountsRow extends FunnelCounts {
  language: string | null;
}

export async function languageFunnel(db: Database, r: AnalyticsRange): Promise<LanguageCountsRow[]> {
  return db.all<LanguageCountsRow>(languageFunnelQuery(r));
}

export async function deviceFunnel(db: Database, r: AnalyticsRange): Promise<DeviceCountsRow[]> {
  const rows = await db.all<DeviceCountsRow>(deviceFunnelQuery(r));
  // Every device appears, with zeros, so charts and CSV have a stable shape.
  return DEVICES.map(
    (d) =>
      rows.find((row) => row.deviceType === d) ?? {
        deviceType: d,
        started: 0,
        step2: 0,
        step3: 0,
        step4: 0,
        completed: 0,
      },
  );
}

export async function dailyCounts(db: Database, propertyId: string, days: readonly LocalDay[]): Promise<DailyRow[]> {
  if (days.length === 0) return [];
  return db.all<DailyRow>(dailyQuery(propertyId, days));
}

export async function medianCompletionMs(
  db: Database,
  r: AnalyticsRange,
  completedCount: number,
): Promise<number | null> {
  const query = medianQuery(r, completedCount);
  if (!query) return null;
  const rows = await db.all<{ ms: number }>(query);
  return medianOf(rows.map((row) => Number(row.ms)));
}

export interface ReportRequest {
  propertyId: string;
  timeZone: string;
  /** Local dates, both included. */
  from: string;
  to: string;
}

/**
 * The report computed from the raw rows alone: the reference the rollup's report must equal
 * (test/integration/analytics-rollup.test.ts, bench/analytics.ts), and what it was before the rollup.
 */
export async function analyticsReportFromRows(db: Database, req: ReportRequest): Promise<DeskAnalyticsResponse> {
  if (daysInclusive(req.from, req.to) > MAX_RANGE_DAYS) throw new RangeError(`At most ${MAX_RANGE_DAYS} days`);
  const { startMs, endMs } = rangeBounds(req.from, req.to, req.timeZone);
  const range: AnalyticsRange = { propertyId: req.propertyId, startMs, endMs };
  const [devices, daily, languages, doorTrouble] = await Promise.all([
    deviceFunnel(db, range),
    dailyCounts(db, req.propertyId, localDays(req.from, req.to, req.timeZone)),
    languageFunnel(db, range),
    doorTroubleCount(db, req.propertyId, startMs, endMs),
  ]);
  const medianMs = await medianCompletionMs(db, range, sumCounts(devices).completed);
  return reportOf(req, { devices, languages, daily, doorTrouble, medianMs });
}

export interface ReportParts {
  devices: DeviceCountsRow[];
  languages: LanguageCountsRow[];
  daily: DailyRow[];
  doorTrouble: number;
  medianMs: number | null;
}

/** The response from the counts, however they were read. */
export function reportOf(req: ReportRequest, parts: ReportParts): DeskAnalyticsResponse {
  const { devices, languages, daily, doorTrouble, medianMs } = parts;
  const totals = sumCounts(devices);
  const summary = summarizeFunnel(totals);
  return {
    propertyId: req.propertyId,
    timeZone: req.timeZone,
    from: req.from,
    to: req.to,
    sessionsStarted: summary.started,
    completed: summary.completed,
    completionRate: summary.completionRate,
    medianCompletionMs: medianMs,
    funnel: summary.stages,
    biggestDropOff: summary.biggestDropOff,
    devices: devices.map((d) => ({ ...d, completionRate: d.started > 0 ? d.completed / d.started : null })),
    languages: languages.map((l) => {
      const started = Number(l.started);
      const completed = Number(l.completed);
      const reached = { step2: Number(l.step2), step3: Number(l.step3), step4: Number(l.step4) };
      return {
        language: l.language,
        started,
        ...reached,
        completed,
        completionRate: started > 0 ? completed / started : null,
      };
    }),
    daily: daily.map((d) => ({ date: d.date, started: Number(d.started), completed: Number(d.completed) })),
    doorTrouble,
  };
}
