// Dates arrive as the property's wall-calendar strings ("2026-11-26", "2026-11-26 12:00"),
// already in its time zone. They are worded in the guest's language as written, never
// converted through the guest's own time zone (hence UTC on both sides).
import { text } from "./i18n";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;

export function formatDate(iso: string): string {
  const m = DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(text.locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

export function formatDateTime(local: string): string {
  const m = DATE_TIME.exec(local);
  return m ? `${formatDate(m[1]!)}, ${formatTime(m[2]!)}` : local;
}

/** "2026-11-26 15:00" → "15:00" (or "3:00 PM", "١٥:٠٠"…): when the door-code window starts and ends. */
export function timeOf(local: string): string {
  const time = DATE_TIME.exec(local)?.[2];
  return time ? formatTime(time) : "";
}

function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return new Intl.DateTimeFormat(text.locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, 0, 1, h, m)),
  );
}
