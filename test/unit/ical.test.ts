import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExistingBooking } from "../../domain/booking-csv";
import { BOOKING_REF_PATTERN } from "../../shared/protocol/common";
import { eventKind, feedBookings, icalReference, planFeedSync, syncNote } from "../../domain/ical-bookings";
import { parseIcalFeed } from "../../domain/ical-events";
import { checkFeedUrl, isPrivateHost } from "../../domain/ical-url";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ical/${name}`, import.meta.url), "utf8");
const TODAY = "2027-03-01";

function events(name: string) {
  const parsed = parseIcalFeed(fixture(name), "Europe/London");
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.events;
}

describe("reading a feed", () => {
  it("reads Airbnb's export: folded descriptions unfolded, all-day dates as written", () => {
    const [first, block] = events("airbnb.ics");
    expect(first).toMatchObject({ start: "2027-03-12", end: "2027-03-15", summary: "Reserved", cancelled: false });
    expect(first!.description).toContain("details/HMQ4B2ZP7X");
    expect(block!.summary).toBe("Airbnb (Not available)");
  });

  it("refuses an HTML page, plain text and a calendar of too many events", () => {
    expect(parseIcalFeed("<!DOCTYPE html><html><body>Sign in</body></html>", "UTC")).toEqual({
      ok: false,
      reason: "html",
    });
    expect(parseIcalFeed("hello", "UTC")).toEqual({ ok: false, reason: "not_calendar" });
    expect(parseIcalFeed("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nnonsense", "UTC").ok).toBe(false);
    const many = Array.from({ length: 5001 }, (_, i) => `BEGIN:VEVENT\r\nUID:${i}\r\nEND:VEVENT`).join("\r\n");
    expect(parseIcalFeed(`BEGIN:VCALENDAR\r\n${many}\r\nEND:VCALENDAR\r\n`, "UTC")).toEqual({
      ok: false,
      reason: "too_many_events",
    });
  });

  it("places an event given as a UTC instant on the property's calendar", () => {
    const text =
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270312T230000Z\r\nDTEND:20270315T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const parsed = parseIcalFeed(text, "Europe/Berlin");
    expect(parsed.ok && parsed.events[0]).toMatchObject({ start: "2027-03-13", end: "2027-03-15" });
  });
});

describe("events as bookings", () => {
  it("Airbnb: reservations by their HM code, 'Not available' blocks left out", () => {
    const feed = feedBookings(events("airbnb.ics"), "room-1", "prop-a", TODAY);
    expect(feed.rows.map((r) => [r.bookingRef, r.checkInDate, r.checkOutDate])).toEqual([
      ["HMQ4B2ZP7X", "2027-03-12", "2027-03-15"],
      ["HMX9RT3KWD", "2027-04-05", "2027-04-10"],
    ]);
    expect(feed.blocked).toBe(1);
    expect(feed.rows[0]).toMatchObject({ roomId: "room-1", status: "confirmed", expectedGuestName: null });
  });

  it("Booking.com: every 'CLOSED - Not available' is a booking, referenced from its UID", () => {
    const feed = feedBookings(events("booking-com.ics"), "room-1", "prop-a", TODAY);
    expect(feed.rows).toHaveLength(2);
    for (const row of feed.rows) expect(row.bookingRef).toMatch(/^IC[A-Z0-9]{14}$/);
    expect(feed.rows[0]!.bookingRef).not.toBe(feed.rows[1]!.bookingRef);
  });

  it("Vrbo: 'Reserved - name' is a booking, 'Blocked' is not", () => {
    const feed = feedBookings(events("vrbo.ics"), "room-2", "prop-a", TODAY);
    expect(feed.rows.map((r) => [r.checkInDate, r.checkOutDate])).toEqual([["2027-06-01", "2027-06-07"]]);
    expect(feed.blocked).toBe(1);
  });

  it("UID references are stable, fit the reference pattern, and differ per property", () => {
    const uid = `${"x".repeat(900)}@booking.com`;
    const a = icalReference({ uid, description: "" }, "prop-a");
    expect(a).toMatch(BOOKING_REF_PATTERN);
    expect(icalReference({ uid, description: "" }, "prop-a")).toBe(a);
    expect(icalReference({ uid, description: "" }, "prop-b")).not.toBe(a);
    expect(icalReference({ uid: "u", description: "see hmabcd2345 for details" }, "p")).toBe("HMABCD2345");
  });

  it("skips cancelled, dateless, over-long and past stays and a reference twice", () => {
    const base = {
      uid: "u1",
      summary: "Reserved",
      description: "",
      start: "2027-03-10",
      end: "2027-03-12",
      cancelled: false,
    };
    const feed = feedBookings(
      [
        base,
        { ...base, uid: "u2", cancelled: true },
        { ...base, uid: "u3", start: null },
        { ...base, uid: "u4", end: "2027-09-01" },
        { ...base, uid: "u5", start: "2027-02-01", end: "2027-02-05" },
        { ...base },
      ],
      "r",
      "p",
      TODAY,
    );
    expect(feed.rows.map((r) => r.line)).toEqual([1]);
    expect(feed.invalid).toBe(2);
    expect(eventKind({ ...base, summary: "Owner stay" })).toBe("block");
  });
});

describe("one sync", () => {
  const row = (bookingRef: string, checkInDate = "2027-03-12", checkOutDate = "2027-03-15") => ({
    line: 1,
    bookingRef,
    roomId: "room-1",
    checkInDate,
    checkOutDate,
    earlyCheckInTime: null,
    lateCheckoutTime: null,
    expectedGuestName: null,
    expectedGuestSurname: null,
    expectedGuestEmail: null,
    expectedGuestPhone: null,
    status: "confirmed" as const,
  });
  const stored = (r: ReturnType<typeof row>, more: Partial<ExistingBooking & { source: string }> = {}) => ({
    ...r,
    propertyMatches: true,
    status: "confirmed" as const,
    source: "ical",
    ...more,
  });

  it("creates new events, updates moved ones, keeps unchanged ones", () => {
    const existing = new Map([
      ["HMAAAAAAAA", stored(row("HMAAAAAAAA"))],
      ["HMBBBBBBBB", stored(row("HMBBBBBBBB"))],
    ]);
    const plan = planFeedSync(
      [row("HMAAAAAAAA"), row("HMBBBBBBBB", "2027-03-13", "2027-03-16"), row("HMCCCCCCCC")],
      existing,
      [],
      TODAY,
    );
    expect(plan.create.map((r) => r.bookingRef)).toEqual(["HMCCCCCCCC"]);
    expect(plan.update.map((r) => r.bookingRef)).toEqual(["HMBBBBBBBB"]);
    expect(plan.unchanged).toBe(1);
  });

  it("cancels this feed's bookings whose event is gone before arrival, never a checked-in or past one", () => {
    const held = [
      { bookingRef: "HMGONE0001", checkInDate: "2027-03-20", status: "confirmed", checkedIn: false },
      { bookingRef: "HMGONE0002", checkInDate: "2027-03-01", status: "confirmed", checkedIn: true },
      { bookingRef: "HMGONE0003", checkInDate: "2027-02-20", status: "confirmed", checkedIn: false },
      { bookingRef: "HMGONE0004", checkInDate: "2027-03-20", status: "cancelled", checkedIn: false },
      { bookingRef: "HMKEPT0001", checkInDate: "2027-03-12", status: "confirmed", checkedIn: false },
    ];
    const plan = planFeedSync([row("HMKEPT0001")], new Map(), held, TODAY);
    expect(plan.cancel).toEqual(["HMGONE0001"]);
    expect(plan.checkedInKept).toBe(1);
  });

  it("leaves bookings made elsewhere alone and a checked-in booking where it is", () => {
    const existing = new Map([
      ["FDDESK01", stored(row("FDDESK01"), { source: "desk" })],
      ["HMOTHERPRP", stored(row("HMOTHERPRP"), { propertyMatches: false })],
      ["HMINHOUSE1", stored(row("HMINHOUSE1"), { status: "checked_in" })],
    ]);
    const plan = planFeedSync(
      [row("FDDESK01", "2027-04-01", "2027-04-03"), row("HMOTHERPRP"), row("HMINHOUSE1", "2027-03-11", "2027-03-15")],
      existing,
      [],
      TODAY,
    );
    expect(plan).toMatchObject({ create: [], update: [], unchanged: 0, leftAlone: 2, checkedInKept: 1 });
    expect(syncNote({ rows: [], blocked: 1, invalid: 0 }, plan)).toBe(
      "1 blocked stretch (not bookings); 2 references belong to a booking made elsewhere; " +
        "1 checked-in booking not changed: change it on the Bookings page.",
    );
  });
});

describe("feed addresses", () => {
  it("takes https to a public host, and webcal links as https", () => {
    expect(checkFeedUrl(" webcal://www.airbnb.com/calendar/ical/1.ics?s=abc ", { allowLocal: false })).toEqual({
      ok: true,
      url: "https://www.airbnb.com/calendar/ical/1.ics?s=abc",
    });
  });

  it("refuses http, credentials and private addresses unless local feeds are allowed", () => {
    const strict = { allowLocal: false };
    expect(checkFeedUrl("http://example.com/a.ics", strict).ok).toBe(false);
    expect(checkFeedUrl("https://u:p@example.com/a.ics", strict).ok).toBe(false);
    expect(checkFeedUrl("ftp://example.com/a.ics", strict).ok).toBe(false);
    expect(checkFeedUrl("not a url", strict).ok).toBe(false);
    for (const host of [
      "127.0.0.1",
      "localhost",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "[::1]",
      "[fd00::1]",
      "[::ffff:127.0.0.1]",
      "2130706433",
      "0x7f.1",
      "metadata",
      "db.internal",
    ]) {
      expect(checkFeedUrl(`https://${host}/a.ics`, strict), host).toMatchObject({ ok: false });
    }
    expect(checkFeedUrl("http://127.0.0.1:4000/a.ics", { allowLocal: true }).ok).toBe(true);
    expect(isPrivateHost("8.8.8.8")).toBe(false);
    expect(isPrivateHost("[2001:db8::1]")).toBe(false);
  });
});

describe("what staff added to a calendar booking", () => {
  it("survives the next sync: the feed only carries dates", () => {
    const row = {
      line: 1,
      bookingRef: "HMAAAAAAAA",
      roomId: "room-1",
      checkInDate: "2027-03-12",
      checkOutDate: "2027-03-15",
      earlyCheckInTime: null,
      lateCheckoutTime: null,
      expectedGuestName: null,
      expectedGuestSurname: null,
      expectedGuestEmail: null,
      expectedGuestPhone: null,
      status: "confirmed" as const,
    };
    const old = {
      ...row,
      propertyMatches: true,
      source: "ical",
      earlyCheckInTime: "12:00",
      expectedGuestName: "Ada Lovelace",
    };
    const same = planFeedSync([row], new Map([[row.bookingRef, old]]), [], TODAY);
    expect(same).toMatchObject({ unchanged: 1, update: [] });
    const moved = planFeedSync([{ ...row, checkOutDate: "2027-03-16" }], new Map([[row.bookingRef, old]]), [], TODAY);
    expect(moved.update[0]).toMatchObject({
      checkOutDate: "2027-03-16",
      earlyCheckInTime: "12:00",
      expectedGuestName: "Ada Lovelace",
      expectedGuestSurname: "lovelace",
    });
  });
});
