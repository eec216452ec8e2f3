// Calendar days in a property's own time zone, turned into the epoch-millisecond
// ranges the analytics queries filter on. A "day" is local midnight to local midnight,
// so a day across a DST change is 23 or 25 hours long, as the desk staff live it.
import { localDate, zonedTimeToEpoch } from "./pin-window";

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_RANGE_DAYS = 30;
/** A year and a day: enough for any report, small enough to bound the per-day query. */
export const MAX_RANGE_DAYS = 366;

export interface LocalDay {
  date: string;
  startMs: number;
  endMs: number;
}

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, counting both ends. */
export function daysInclusive(from: string, to: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000) + 1;
}

/** The last `days` local days up to and including today. */
export function defaultRange(now: number, timeZone: string, days = DEFAULT_RANGE_DAYS): { from: string; to: string } {
  const to = localDate(now, timeZone);
  return { from: addDays(to, -(days - 1)), to };
}

export function localDays(from: string, to: string, timeZone: string): LocalDay[] {
  const out: LocalDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    out.push({
      date,
      startMs: zonedTimeToEpoch(date, "00:00", timeZone),
      endMs: zonedTimeToEpoch(addDays(date, 1), "00:00", timeZone),
    });
  }
  return out;
}

/** [startMs, endMs) covering local days `from`..`to` inclusive. */
export function rangeBounds(from: string, to: string, timeZone: string): { startMs: number; endMs: number } {
  return {
    startMs: zonedTimeToEpoch(from, "00:00", timeZone),
    endMs: zonedTimeToEpoch(addDays(to, 1), "00:00", timeZone),
  };
}
