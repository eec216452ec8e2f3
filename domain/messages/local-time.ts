// Wall-clock arithmetic in a property's time zone, for deciding when a message may go.
import { localDate, zonedTimeToEpoch } from "../pin-window";

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The hour (0–23) the property's clock shows at `instant`. */
export function localHour(instant: number, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(
    new Date(instant),
  );
  return Number(hour);
}

export { localDate, zonedTimeToEpoch };
