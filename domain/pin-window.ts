// The span a guest's PIN opens the doors: from arrival (early check-in if booked,
// else the property's standard time) to departure (late checkout if booked), read
// as wall-clock times in the property's own time zone.
export interface StayTimes {
  checkInDate: string; // YYYY-MM-DD
  checkOutDate: string;
  earlyCheckInTime: string | null; // HH:MM
  lateCheckoutTime: string | null;
  standardCheckInTime: string;
  standardCheckoutTime: string;
  timeZone: string; // IANA
}

export interface PinWindow {
  startsAt: number; // epoch ms
  endsAt: number;
  /** Wall-clock text for the guest, e.g. "2026-11-26 12:00". */
  localStart: string;
  localEnd: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Offset of `timeZone` from UTC at the given instant, in ms (positive east of Greenwich). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * Instant at which the wall clock in `timeZone` reads `date time`. Around a DST jump
 * the offset is re-read at the first guess so the result lands on the right side.
 */
export function zonedTimeToEpoch(date: string, time: string, timeZone: string): number {
  if (!DATE.test(date)) throw new Error(`Not a date: ${date}`);
  if (!TIME.test(time)) throw new Error(`Not a time: ${time}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

export function pinWindow(stay: StayTimes): PinWindow {
  const startTime = stay.earlyCheckInTime ?? stay.standardCheckInTime;
  const endTime = stay.lateCheckoutTime ?? stay.standardCheckoutTime;
  const startsAt = zonedTimeToEpoch(stay.checkInDate, startTime, stay.timeZone);
  const endsAt = zonedTimeToEpoch(stay.checkOutDate, endTime, stay.timeZone);
  if (endsAt <= startsAt) throw new Error("Checkout must be after check-in");
  return {
    startsAt,
    endsAt,
    localStart: `${stay.checkInDate} ${startTime}`,
    localEnd: `${stay.checkOutDate} ${endTime}`,
  };
}

/** Today's date (YYYY-MM-DD) as the property's wall calendar shows it. */
export function localDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );
}
