// What one funnel row adds to the analytics rollups, and how a write to that row changes
// them. The rollups are kept by SQLite triggers on checkin_analytics (see the analytics_rollup
// migration), which compute exactly these functions in SQL; this file is their reference,
// unit-tested here and compared with the triggers' results in test/integration.
//
// Why UTC hours and days, not the property's local days: a trigger cannot know a time zone's
// rules, and a property's zone may change. Every local midnight of a whole-hour zone is a UTC
// hour boundary, so a local day is a sum of hours; for other zones (+05:30, +05:45) the few
// minutes either side of a day's whole hours are read from the raw rows (analytics.ts).
import type { FunnelCounts } from "./funnel";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Completion times are counted in 10 s bins; the last bin holds an hour and over. */
export const DURATION_BIN_MS = 10_000;
export const LAST_DURATION_BIN = 360;
/** The bin of a completion without a completion time: SQLite sorts NULL before every number. */
export const NULL_DURATION_BIN = -1;
/** The rollup's key has no NULLs (an upsert's conflict target would not match them). */
export const NO_LANGUAGE = "";

/** The columns of a funnel row the rollups read. */
export interface RollupSource {
  propertyId: string;
  deviceType: string;
  startedAt: number;
  stepReached: number;
  completed: boolean;
  completedAt: number | null;
  language: string | null;
}

export interface HourlyCell extends FunnelCounts {
  propertyId: string;
  hourMs: number;
  deviceType: string;
  language: string;
}

export interface DailyCell extends FunnelCounts {
  propertyId: string;
  dayMs: number;
  deviceType: string;
  language: string;
}

export interface DurationCell {
  propertyId: string;
  dayMs: number;
  bin: number;
  completions: number;
}

/** SQLite's integer division truncates; started_at is never before 1970, so this is floor. */
const floorTo = (ms: number, unit: number) => Math.trunc(ms / unit) * unit;

export function durationBin(startedAt: number, completedAt: number | null): number {
  if (completedAt === null) return NULL_DURATION_BIN;
  return Math.min(Math.max(Math.trunc((completedAt - startedAt) / DURATION_BIN_MS), 0), LAST_DURATION_BIN);
}

/** The duration range of a bin, as bounds for `ms >= lo and ms < hi` (null: unbounded on that side). */
export function binBounds(bin: number): { lo: number | null; hi: number | null } {
  if (bin === NULL_DURATION_BIN) return { lo: null, hi: null };
  return {
    lo: bin === 0 ? null : bin * DURATION_BIN_MS,
    hi: bin === LAST_DURATION_BIN ? null : (bin + 1) * DURATION_BIN_MS,
  };
}

export function hourlyCell(r: RollupSource): HourlyCell {
  return {
    propertyId: r.propertyId,
    hourMs: floorTo(r.startedAt, HOUR_MS),
    deviceType: r.deviceType,
    language: r.language ?? NO_LANGUAGE,
    started: 1,
    step2: r.stepReached >= 2 ? 1 : 0,
    step3: r.stepReached >= 3 ? 1 : 0,
    step4: r.stepReached >= 4 ? 1 : 0,
    completed: r.completed ? 1 : 0,
  };
}

/** The same counts in the row's UTC day: long ranges read one cell per day. */
export function dailyCell(r: RollupSource): DailyCell {
  const { hourMs: _, ...counts } = hourlyCell(r);
  return { ...counts, dayMs: floorTo(r.startedAt, DAY_MS) };
}

export function durationCell(r: RollupSource): DurationCell | null {
  if (!r.completed) return null;
  return {
    propertyId: r.propertyId,
    dayMs: floorTo(r.startedAt, DAY_MS),
    bin: durationBin(r.startedAt, r.completedAt),
    completions: 1,
  };
}

export interface RollupDelta {
  hourly: HourlyCell[];
  daily: DailyCell[];
  durations: DurationCell[];
}

const negate = <T extends object>(cell: T, keys: readonly (keyof T)[]): T => {
  const out = { ...cell };
  for (const k of keys) out[k] = -(cell[k] as number) as T[keyof T];
  return out;
};
const COUNT_KEYS = ["started", "step2", "step3", "step4", "completed"] as const;

/**
 * The change a write makes to the rollups: the row's old contribution taken away and its new
 * one added (null: no row). A write that leaves the row as it was, such as a replayed forward-only
 * upsert, changes nothing; the triggers skip it by the same test (`rowChanged`).
 */
export function rollupDelta(before: RollupSource | null, after: RollupSource | null): RollupDelta {
  if (before && after && !rowChanged(before, after)) return { hourly: [], daily: [], durations: [] };
  const hourly: HourlyCell[] = [];
  const daily: DailyCell[] = [];
  const durations: DurationCell[] = [];
  if (before) {
    hourly.push(negate(hourlyCell(before), COUNT_KEYS));
    daily.push(negate(dailyCell(before), COUNT_KEYS));
    const d = durationCell(before);
    if (d) durations.push({ ...d, completions: -1 });
  }
  if (after) {
    hourly.push(hourlyCell(after));
    daily.push(dailyCell(after));
    const d = durationCell(after);
    if (d) durations.push(d);
  }
  return { hourly: mergeCells(hourly), daily: mergeCells(daily), durations: mergeDurations(durations) };
}

/** Whether a write changed anything the rollups count (the UPDATE trigger's WHEN clause). */
export function rowChanged(a: RollupSource, b: RollupSource): boolean {
  return (
    a.propertyId !== b.propertyId ||
    a.deviceType !== b.deviceType ||
    a.startedAt !== b.startedAt ||
    a.stepReached !== b.stepReached ||
    a.completed !== b.completed ||
    a.completedAt !== b.completedAt ||
    a.language !== b.language
  );
}

type FunnelCell = HourlyCell | DailyCell;
const cellKey = (c: FunnelCell) =>
  JSON.stringify([c.propertyId, "hourMs" in c ? c.hourMs : c.dayMs, c.deviceType, c.language]);
const durationKey = (c: DurationCell) => JSON.stringify([c.propertyId, c.dayMs, c.bin]);

/** Cells with the same key added together; cells that add up to nothing dropped. */
export function mergeCells<T extends FunnelCell>(cells: readonly T[]): T[] {
  const out = new Map<string, T>();
  for (const c of cells) {
    const had = out.get(cellKey(c));
    if (!had) out.set(cellKey(c), { ...c });
    else for (const k of COUNT_KEYS) had[k] += c[k];
  }
  return [...out.values()].filter((c) => COUNT_KEYS.some((k) => c[k] !== 0));
}

export function mergeDurations(cells: readonly DurationCell[]): DurationCell[] {
  const out = new Map<string, DurationCell>();
  for (const c of cells) {
    const had = out.get(durationKey(c));
    if (!had) out.set(durationKey(c), { ...c });
    else had.completions += c.completions;
  }
  return [...out.values()].filter((c) => c.completions !== 0);
}

/**
 * Where the median's one or two middle ranks fall in a duration histogram: for each rank, its bin
 * and its position among that bin's values in order. `bins` need not be sorted.
 */
export function ranksInBins(
  bins: readonly { bin: number; completions: number }[],
  ranks: readonly number[],
): { bin: number; offset: number }[] {
  const sorted = [...bins].filter((b) => b.completions > 0).sort((a, b) => a.bin - b.bin);
  return ranks.map((rank) => {
    let below = 0;
    for (const b of sorted) {
      if (rank < below + b.completions) return { bin: b.bin, offset: rank - below };
      below += b.completions;
    }
    throw new RangeError(`Rank ${rank} is past the histogram's ${below} values`);
  });
}

/**
 * A range split into the whole units (hours or days) the rollup answers and the slivers either
 * side that only raw rows can: [startMs, alignedStart) and [alignedEnd, endMs), either possibly empty.
 */
export function alignRange(
  startMs: number,
  endMs: number,
  unit: number,
): { alignedStart: number; alignedEnd: number; edges: { startMs: number; endMs: number }[] } {
  const up = Math.ceil(startMs / unit) * unit;
  const down = Math.floor(endMs / unit) * unit;
  if (up >= down) return { alignedStart: up, alignedEnd: up, edges: [{ startMs, endMs }] };
  const edges = [
    { startMs, endMs: up },
    { startMs: down, endMs },
  ].filter((e) => e.endMs > e.startMs);
  return { alignedStart: up, alignedEnd: down, edges };
}
