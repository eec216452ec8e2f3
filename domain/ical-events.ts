// A calendar export read into plain events with ical.js. Short-let platforms export one
// all-day event per reservation or blocked stretch; nothing here knows about bookings.
import ICAL from "ical.js";
import { localDate } from "./pin-window";

/** More than any one room's calendar holds for years ahead; past it the feed is refused. */
export const ICAL_MAX_EVENTS = 5_000;
const MAX_TEXT = 2_000;

export interface IcalEvent {
  uid: string | null;
  summary: string;
  description: string;
  /** YYYY-MM-DD, or null when DTSTART is missing or unreadable. */
  start: string | null;
  /** YYYY-MM-DD, the day the stay ends (DTEND is exclusive for all-day events). */
  end: string | null;
  cancelled: boolean;
}

export type ParsedFeed =
  | { ok: true; events: IcalEvent[]; producer: string }
  | { ok: false; reason: "not_calendar" | "html" | "too_many_events" };

/**
 * `timeZone` places events given as instants (a few exports write DTSTART as a UTC time)
 * on the property's calendar; all-day and floating dates are taken as written.
 */
export function parseIcalFeed(text: string, timeZone: string): ParsedFeed {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<")) {
    return { ok: false, reason: "html" };
  }
  if (!/^\ufeff?begin:vcalendar/i.test(text.trimStart())) return { ok: false, reason: "not_calendar" };
  let root: ICAL.Component;
  try {
    const jcal = ICAL.parse(text);
    root = new ICAL.Component(Array.isArray(jcal[0]) ? jcal[0] : jcal);
  } catch {
    return { ok: false, reason: "not_calendar" };
  }
  if (root.name !== "vcalendar") return { ok: false, reason: "not_calendar" };
  const vevents = root.getAllSubcomponents("vevent");
  if (vevents.length > ICAL_MAX_EVENTS) return { ok: false, reason: "too_many_events" };
  const events = vevents.map((vevent) => readEvent(vevent, timeZone));
  return { ok: true, events, producer: clip(String(root.getFirstPropertyValue("prodid") ?? "")) };
}

function readEvent(vevent: ICAL.Component, timeZone: string): IcalEvent {
  let start: string | null = null;
  let end: string | null = null;
  let uid: string | null = null;
  let summary = "";
  let description = "";
  try {
    const event = new ICAL.Event(vevent);
    uid = event.uid ? clip(event.uid.trim()) || null : null;
    summary = clip(event.summary ?? "");
    description = clip(event.description ?? "");
    start = event.startDate ? dateOf(event.startDate, timeZone) : null;
    end = event.endDate ? dateOf(event.endDate, timeZone) : null;
  } catch {
    // An unreadable property leaves the event without dates; the mapping skips it.
  }
  const status = String(vevent.getFirstPropertyValue("status") ?? "").toUpperCase();
  return { uid, summary, description, start, end, cancelled: status === "CANCELLED" };
}

function dateOf(time: ICAL.Time, timeZone: string): string | null {
  if (!Number.isFinite(time.year) || time.year < 1900 || time.year > 2200) return null;
  if (time.isDate || time.zone === ICAL.Timezone.localTimezone) {
    return `${time.year}-${pad(time.month)}-${pad(time.day)}`;
  }
  return localDate(time.toUnixTime() * 1000, timeZone);
}

const pad = (n: number) => String(n).padStart(2, "0");
const clip = (s: string) => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);
