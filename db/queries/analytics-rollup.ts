// The desk's analytics report read from the rollups (checkin_analytics_daily, _hourly and
// checkin_duration_daily, kept by triggers on checkin_analytics) instead of every session. Whatever the whole hours or days of the rollup
// cannot cover (the minutes either side of a local midnight in a +05:30 zone) is read from
// the raw rows, so every number equals analyticsReportFromRows exactly; the median too, whose
// 10 s bin the histogram finds and whose exact value the duration index then reads in that bin.
import { sql, type SQL } from "drizzle-orm";
import {
  alignRange,
  binBounds,
  DAY_MS,
  DURATION_BIN_MS,
  HOUR_MS,
  LAST_DURATION_BIN,
  NO_LANGUAGE,
  NULL_DURATION_BIN,
  ranksInBins,
} from "../../domain/analytics-rollup";
import { daysInclusive, localDays, MAX_RANGE_DAYS, rangeBounds, type LocalDay } from "../../domain/date-range";
import type { DeviceType } from "../../domain/device-type";
import { EMPTY_COUNTS, medianOf, medianWindow, sumCounts, type FunnelCounts } from "../../domain/funnel";
import { deviceType } from "../../shared/protocol/common";
import type { DeskAnalyticsResponse } from "../../shared/protocol/desk-http";
import type { Database } from "../client";
import {
  checkinAnalytics as a,
  checkinAnalyticsDaily as y,
  checkinAnalyticsHourly as h,
  checkinDurationDaily as dd,
} from "../schema";
import {
  DEVICE_INDEX,
  DURATION_INDEX,
  medianCompletionMs,
  reportOf,
  type AnalyticsRange,
  type DailyRow,
  type DeviceCountsRow,
  type LanguageCountsRow,
  type ReportRequest,
} from "./analytics";
import { doorTroubleCount } from "./door-trouble";

const DEVICES = deviceType.options;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Raw rows of one property and the report's devices started in [startMs, endMs), on the device index. */
function rawRows(propertyId: string, startMs: number | SQL, endMs: number | SQL): SQL {
  return sql`${a} indexed by ${sql.identifier(DEVICE_INDEX)}
    where ${a.propertyId} = ${propertyId} and ${a.deviceType} in (${list(DEVICES)})
      and ${a.startedAt} >= ${startMs} and ${a.startedAt} < ${endMs}`;
}

/** The same bin as the triggers compute (domain/analytics-rollup.ts durationBin). */
const binOf = sql`case when ${a.completedAt} is null then ${NULL_DURATION_BIN}
  else min(max((${a.completedAt} - ${a.startedAt}) / ${DURATION_BIN_MS}, 0), ${LAST_DURATION_BIN}) end`;

export interface CellRow extends FunnelCounts {
  deviceType: DeviceType;
  language: string;
}

const cellColumns = (t: typeof h | typeof y) =>
  sql`${t.deviceType} as d, ${t.language} as l, ${t.started} as s, ${t.step2} as s2, ${t.step3} as s3,
    ${t.step4} as s4, ${t.completed} as c`;

/**
 * The funnel by device and language together: whole UTC days from the daily cells, whole hours
 * left at either end from the hourly cells, and what is left of those (a +05:30 zone's half
 * hours) from raw rows. A year is about 365 cells per device and language instead of 8,760.
 */
export function funnelCellsQuery(r: AnalyticsRange): SQL {
  const days = alignRange(r.startMs, r.endMs, DAY_MS);
  const parts: SQL[] = [];
  if (days.alignedEnd > days.alignedStart) {
    parts.push(sql`select ${cellColumns(y)} from ${y} where ${y.propertyId} = ${r.propertyId}
      and ${y.dayMs} >= ${days.alignedStart} and ${y.dayMs} < ${days.alignedEnd} and ${y.deviceType} in (${list(DEVICES)})`);
  }
  for (const edge of days.edges) {
    const hours = alignRange(edge.startMs, edge.endMs, HOUR_MS);
    if (hours.alignedEnd > hours.alignedStart) {
      parts.push(sql`select ${cellColumns(h)} from ${h} where ${h.propertyId} = ${r.propertyId}
        and ${h.hourMs} >= ${hours.alignedStart} and ${h.hourMs} < ${hours.alignedEnd}
        and ${h.deviceType} in (${list(DEVICES)})`);
    }
    for (const e of hours.edges) {
      parts.push(sql`select ${a.deviceType}, coalesce(${a.language}, ${NO_LANGUAGE}), 1, ${a.stepReached} >= 2,
          ${a.stepReached} >= 3, ${a.stepReached} >= 4, ${a.completed}
        from ${rawRows(r.propertyId, e.startMs, e.endMs)}`);
    }
  }
  return sql`select d as deviceType, l as language, sum(s) as started, sum(s2) as step2, sum(s3) as step3,
      sum(s4) as step4, sum(c) as completed
    from (${sql.join(parts, sql` union all `)}) group by d, l`;
}

/**
 * Started and completed per local day from the whole hours of each day; the days' slivers come
 * separately. A pair of correlated range scans per day: a join grouped by day would sort every cell.
 */
export function dailyHoursQuery(propertyId: string, days: readonly LocalDay[]): SQL {
  const values = sql.join(
    days.map((d) => {
      const { alignedStart, alignedEnd } = alignRange(d.startMs, d.endMs, HOUR_MS);
      return sql`(${d.date}, ${alignedStart}, ${alignedEnd})`;
    }),
    sql`, `,
  );
  const perDay = (column: SQL) =>
    sql`(select coalesce(sum(${column}), 0) from ${h} where ${h.propertyId} = ${propertyId}
      and ${h.hourMs} >= days.start_ms and ${h.hourMs} < days.end_ms and ${h.deviceType} in (${list(DEVICES)}))`;
  return sql`with days(date, start_ms, end_ms) as (values ${values})
    select days.date as date, ${perDay(sql`${h.started}`)} as started, ${perDay(sql`${h.completed}`)} as completed
    from days order by days.date`;
}

/** The parts of local days that are not whole UTC hours (none in whole-hour zones). */
export function daySlivers(days: readonly LocalDay[]): LocalDay[] {
  return days.flatMap((d) =>
    alignRange(d.startMs, d.endMs, HOUR_MS).edges.map((e) => ({ date: d.date, startMs: e.startMs, endMs: e.endMs })),
  );
}

export function sliverCountsQuery(propertyId: string, slivers: readonly LocalDay[]): SQL {
  const values = sql.join(
    slivers.map((s) => sql`(${s.date}, ${s.startMs}, ${s.endMs})`),
    sql`, `,
  );
  return sql`with slivers(date, start_ms, end_ms) as (values ${values})
    select slivers.date as date,
      (select count(*) from ${rawRows(propertyId, sql`slivers.start_ms`, sql`slivers.end_ms`)}) as started,
      (select coalesce(sum(${a.completed}), 0)
        from ${rawRows(propertyId, sql`slivers.start_ms`, sql`slivers.end_ms`)}) as completed
    from slivers`;
}

/** Completions per duration bin in the range: whole UTC days from the histogram, the rest from raw rows. */
export function durationHistogramQuery(r: AnalyticsRange): SQL {
  const { alignedStart, alignedEnd, edges } = alignRange(r.startMs, r.endMs, DAY_MS);
  const parts = [
    sql`select ${dd.bin} as b, ${dd.completions} as n from ${dd}
      where ${dd.propertyId} = ${r.propertyId} and ${dd.dayMs} >= ${alignedStart} and ${dd.dayMs} < ${alignedEnd}`,
    ...edges.map(
      (e) => sql`select ${binOf}, 1 from ${rawRows(r.propertyId, e.startMs, e.endMs)} and ${a.completed} = 1`,
    ),
  ];
  return sql`select b as bin, sum(n) as completions from (${sql.join(parts, sql` union all `)}) group by b`;
}

/** Completion times in one bin and the range, in order: the duration index walks only that bin. */
export function durationsInBinQuery(r: AnalyticsRange, bin: number, offset: number, limit: number): SQL {
  const ms = sql`(${a.completedAt} - ${a.startedAt})`;
  const { lo, hi } = binBounds(bin);
  const bounds =
    bin === NULL_DURATION_BIN
      ? sql`${ms} is null`
      : sql.join(
          [
            sql`${ms} is not null`,
            ...(lo === null ? [] : [sql`${ms} >= ${lo}`]),
            ...(hi === null ? [] : [sql`${ms} < ${hi}`]),
          ],
          sql` and `,
        );
  return sql`select ${ms} as ms from ${a} indexed by ${sql.identifier(DURATION_INDEX)}
    where ${a.propertyId} = ${r.propertyId} and ${a.completed} = 1 and ${bounds}
      and ${a.startedAt} >= ${r.startMs} and ${a.startedAt} < ${r.endMs}
    order by ${ms} limit ${limit} offset ${offset}`;
}

/** The exact median: the histogram says which bin holds each middle rank, the bin's rows say its value. */
async function medianFromHistogram(
  db: Database,
  r: AnalyticsRange,
  completed: number,
  bins: readonly { bin: number; completions: number }[],
): Promise<number | null> {
  const w = medianWindow(completed);
  if (!w) return null;
  const inHistogram = bins.reduce((n, b) => n + Number(b.completions), 0);
  // A completion outside the report's devices has no place in the funnel's count; read raw rows then.
  if (inHistogram !== completed) return medianCompletionMs(db, r, completed);
  const ranks = w.limit === 1 ? [w.offset] : [w.offset, w.offset + 1];
  const at = ranksInBins(
    bins.map((b) => ({ bin: Number(b.bin), completions: Number(b.completions) })),
    ranks,
  );
  const first = at[0]!;
  const second = at[1];
  const read = (bin: number, offset: number, limit: number) =>
    db.all<{ ms: number | null }>(durationsInBinQuery(r, bin, offset, limit));
  const rows =
    !second || second.bin === first.bin
      ? await read(first.bin, first.offset, ranks.length)
      : (await Promise.all([read(first.bin, first.offset, 1), read(second.bin, second.offset, 1)])).flat();
  return medianOf(rows.map((row) => Number(row.ms)));
}

const byStartedThenLanguage = (x: LanguageCountsRow, y: LanguageCountsRow) => {
  if (x.started !== y.started) return y.started - x.started;
  // SQLite's order: NULL first, then by bytes (language tags are ASCII).
  if (x.language === y.language) return 0;
  if (x.language === null) return -1;
  if (y.language === null) return 1;
  return x.language < y.language ? -1 : 1;
};

/** Device and language funnels from the cells, in the shapes and order the raw queries return. */
export function splitCells(cells: readonly CellRow[]): { devices: DeviceCountsRow[]; languages: LanguageCountsRow[] } {
  const counts = (c: FunnelCounts): FunnelCounts => ({
    started: Number(c.started),
    step2: Number(c.step2),
    step3: Number(c.step3),
    step4: Number(c.step4),
    completed: Number(c.completed),
  });
  const devices = DEVICES.map((d) => ({
    deviceType: d,
    ...sumCounts(cells.filter((c) => c.deviceType === d).map(counts)),
  }));
  const byLanguage = new Map<string, FunnelCounts>();
  for (const c of cells) {
    byLanguage.set(c.language, sumCounts([byLanguage.get(c.language) ?? EMPTY_COUNTS, counts(c)]));
  }
  const languages = [...byLanguage]
    .map(([l, c]) => ({ language: l === NO_LANGUAGE ? null : l, ...c }))
    .filter((l) => l.started > 0)
    .sort(byStartedThenLanguage);
  return { devices, languages };
}

export async function analyticsReport(db: Database, req: ReportRequest): Promise<DeskAnalyticsResponse> {
  if (daysInclusive(req.from, req.to) > MAX_RANGE_DAYS) throw new RangeError(`At most ${MAX_RANGE_DAYS} days`);
  const { startMs, endMs } = rangeBounds(req.from, req.to, req.timeZone);
  const range: AnalyticsRange = { propertyId: req.propertyId, startMs, endMs };
  const days = localDays(req.from, req.to, req.timeZone);
  const slivers = daySlivers(days);
  const [cells, dailyHours, sliverCounts, bins, doorTrouble] = await Promise.all([
    db.all<CellRow>(funnelCellsQuery(range)),
    days.length > 0 ? db.all<DailyRow>(dailyHoursQuery(req.propertyId, days)) : [],
    slivers.length > 0 ? db.all<DailyRow>(sliverCountsQuery(req.propertyId, slivers)) : [],
    db.all<{ bin: number; completions: number }>(durationHistogramQuery(range)),
    doorTroubleCount(db, req.propertyId, startMs, endMs),
  ]);
  const { devices, languages } = splitCells(cells);
  const daily = dailyHours.map((d) => {
    const extra = sliverCounts.filter((s) => s.date === d.date);
    return {
      date: d.date,
      started: Number(d.started) + extra.reduce((n, s) => n + Number(s.started), 0),
      completed: Number(d.completed) + extra.reduce((n, s) => n + Number(s.completed), 0),
    };
  });
  const medianMs = await medianFromHistogram(db, range, sumCounts(devices).completed, bins);
  return reportOf(req, { devices, languages, daily, doorTrouble, medianMs });
}
