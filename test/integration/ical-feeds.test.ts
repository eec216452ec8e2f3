// Calendar feeds against real sqld + partykit dev, served by a local http server whose
// feeds change between polls: events added, moved and removed; a feed that hangs (the
// others still sync), one that answers with an HTML page, one that streams 50 MB, one
// that is gone; "Sync now" and its rate limit; and a second property kept apart.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { addDays, todayIn } from "../../db/seed";
import { reservation, room } from "../../db/schema";
import { deskCalendarsResponse, type DeskCalendarFeed } from "../../shared/calendar-protocol";
import { startTestStack, type TestStack } from "../support/stack";
import { addProperty, addStaff, desk, PROPERTY, signIn } from "./desk-helpers";

const today = todayIn("Europe/London");
const d = (days: number) => addDays(today, days).replaceAll("-", "");

let stack: TestStack;
let cookie: string;
let server: Server;
let base: string;
/** The good feed's events, changed by the tests between polls. */
let airbnbEvents: string[] = [];
let bigBytesSent = 0;
const hanging = new Set<import("node:http").ServerResponse>();

const event = (uid: string, summary: string, from: number, to: number, description?: string) =>
  [
    "BEGIN:VEVENT",
    `DTSTART;VALUE=DATE:${d(from)}`,
    `DTEND;VALUE=DATE:${d(to)}`,
    `UID:${uid}@airbnb.com`,
    ...(description ? [`DESCRIPTION:${description}`] : []),
    `SUMMARY:${summary}`,
    "END:VEVENT",
  ].join("\r\n");
const reserved = (code: string, from: number, to: number) =>
  event(
    `uid-${code}`,
    "Reserved",
    from,
    to,
    `Reservation URL: https://www.airbnb.com/hosting/reservations/details/${code}`,
  );
const calendar = (events: string[]) =>
  [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN",
    ...events,
    "END:VCALENDAR",
    "",
  ].join("\r\n");

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith("/airbnb.ics")) {
      res.writeHead(200, { "content-type": "text/calendar; charset=utf-8" });
      res.end(calendar(airbnbEvents));
    } else if (req.url === "/hang.ics") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
    } else if (req.url === "/html.ics") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>");
    } else if (req.url === "/big.ics") {
      // 50 MB of garbage without a length, sent as fast as the reader takes it.
      res.writeHead(200, { "content-type": "text/calendar" });
      const chunk = Buffer.alloc(64 * 1024, "x");
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          bigBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => {
        sent = Number.POSITIVE_INFINITY;
      });
      pump();
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stack = await startTestStack({
    ICAL_ALLOW_LOCAL: "1",
    ICAL_POLL_MINUTES: "0.05",
    ICAL_FETCH_TIMEOUT_MS: "2000",
    ICAL_MAX_BYTES: String(1024 * 1024),
  });
  cookie = await signIn(stack.url);
});

afterAll(async () => {
  await stack?.stop();
  for (const res of hanging) res.destroy();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function feeds(who = cookie): Promise<DeskCalendarFeed[]> {
  const res = await desk(stack.url, "/calendars", who);
  expect(res.status, res.text).toBe(200);
  return deskCalendarsResponse.parse(res.body).feeds;
}

async function addFeed(roomId: string, path: string, who = cookie) {
  const res = await desk(stack.url, "/calendars", who, { method: "POST", body: { roomId, url: `${base}${path}` } });
  expect(res.status, res.text).toBe(201);
  return res.body.feedId as string;
}

/** Waits until `feedId` has been attempted after `since` and `check` holds. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const feedAfter = (feedId: string, since: number, ok: (f: DeskCalendarFeed) => boolean = () => true) =>
  until(`feed ${feedId} after ${since}`, async () =>
    (await feeds()).find((f) => f.feedId === feedId && (f.lastAttemptAt ?? 0) > since && ok(f)),
  );

const booking = async (ref: string) =>
  (await stack.db.select().from(reservation).where(eq(reservation.bookingRef, ref)))[0];

let good: string;
let hang: string;

describe("polling feeds", () => {
  it("imports reservations, not blocks, while a hanging, an HTML, a huge and a missing feed fail in plain words", async () => {
    airbnbEvents = [
      reserved("HMICALAAA1", 2, 5),
      reserved("HMICALBBB2", 10, 12),
      reserved("HMICALCCC3", 20, 23),
      event("block-1", "Airbnb (Not available)", 30, 40),
    ];
    const start = Date.now();
    good = await addFeed("room-101", "/airbnb.ics?s=secret-token");
    hang = await addFeed("room-102", "/hang.ics");
    const html = await addFeed("room-103", "/html.ics");
    const big = await addFeed("room-104", "/big.ics");
    const gone = await addFeed("room-105", "/gone.ics");

    const goodFeed = await feedAfter(good, start, (f) => f.lastSuccessAt !== null);
    expect(goodFeed).toMatchObject({ lastError: null, bookings: 3, roomName: "Room 101", host: new URL(base).host });
    expect(goodFeed.lastNote).toBe("1 blocked stretch (not bookings).");
    const a = await booking("HMICALAAA1");
    expect(a).toMatchObject({
      propertyId: PROPERTY,
      roomId: "room-101",
      source: "ical",
      icalFeedId: good,
      status: "confirmed",
      checkInDate: addDays(today, 2),
      checkOutDate: addDays(today, 5),
    });

    const hangFeed = await feedAfter(hang, start, (f) => f.lastError !== null);
    expect(hangFeed.lastError).toBe("timed out after 2 s");
    const all = await feeds();
    const byId = new Map(all.map((f) => [f.feedId, f]));
    // The good feed's first sync finished while the hanging one was still waiting on its server. Each
    // feed added pokes the job, so later runs sync the good feed again: compare the first of each.
    expect(goodFeed.lastSuccessAt!).toBeLessThan(hangFeed.lastAttemptAt!);
    expect((await feedAfter(html, start, (f) => f.lastError !== null)).lastError).toBe(
      "not a calendar (got an HTML page)",
    );
    expect((await feedAfter(gone, start, (f) => f.lastError !== null)).lastError).toBe("HTTP 404");
    expect((await feedAfter(big, start, (f) => f.lastError !== null)).lastError).toBe("too large (over 1 MB)");
    // Cut off after the cap: far less than the 50 MB on offer left the server.
    expect(bigBytesSent).toBeLessThan(12 * 1024 * 1024);
    for (const f of [hang, html, big, gone]) expect(byId.get(f)!.bookings).toBe(0);
  });

  it("moves, adds and cancels on later polls, leaving checked-in and other sources' bookings alone", async () => {
    // A desk booking whose reference the feed also carries, and a feed booking whose guest has checked in.
    await stack.db.insert(reservation).values({
      id: "res-ical-desk",
      bookingRef: "HMICALDDD4",
      propertyId: PROPERTY,
      roomId: "room-106",
      status: "confirmed",
      checkInDate: addDays(today, 50),
      checkOutDate: addDays(today, 52),
      source: "desk",
    });
    await stack.db.update(reservation).set({ status: "checked_in" }).where(eq(reservation.bookingRef, "HMICALCCC3"));
    const since = Date.now();
    airbnbEvents = [
      reserved("HMICALAAA1", 3, 6), // moved a day later
      // HMICALBBB2 gone: cancelled. HMICALCCC3 gone too, but its guest has checked in.
      reserved("HMICALDDD4", 60, 61), // a desk booking's reference: left alone
      reserved("HMICALEEE5", 70, 75), // new
      event("vrbo-style-uid-without-code", "Reserved - Maria S", 80, 82),
    ];
    const after = await feedAfter(good, since, (f) => (f.lastSuccessAt ?? 0) > since);
    expect(await booking("HMICALAAA1")).toMatchObject({
      checkInDate: addDays(today, 3),
      checkOutDate: addDays(today, 6),
      status: "confirmed",
    });
    expect((await booking("HMICALBBB2"))!.status).toBe("cancelled");
    expect((await booking("HMICALCCC3"))!.status).toBe("checked_in");
    expect(await booking("HMICALDDD4")).toMatchObject({ source: "desk", checkInDate: addDays(today, 50) });
    expect(await booking("HMICALEEE5")).toMatchObject({ status: "confirmed", source: "ical", roomId: "room-101" });
    const uidBooked = await stack.db
      .select()
      .from(reservation)
      .where(and(eq(reservation.icalFeedId, good), eq(reservation.checkInDate, addDays(today, 80))));
    expect(uidBooked).toHaveLength(1);
    expect(uidBooked[0]!.bookingRef).toMatch(/^IC[A-Z0-9]{14}$/);
    expect(after.lastNote).toBe(
      "1 reference belongs to a booking made elsewhere; 1 checked-in booking not changed: change it on the Bookings page.",
    );
    expect(after.bookings).toBe(4);

    // The same calendar again changes nothing.
    const rows = await stack.db.select().from(reservation).where(eq(reservation.icalFeedId, good));
    const again = Date.now();
    await feedAfter(good, again, (f) => (f.lastSuccessAt ?? 0) > again);
    const rowsAgain = await stack.db.select().from(reservation).where(eq(reservation.icalFeedId, good));
    expect(rowsAgain).toEqual(rows);

    // An event that comes back revives its cancelled booking under the same reference.
    airbnbEvents = [...airbnbEvents, reserved("HMICALBBB2", 10, 12)];
    const back = Date.now();
    await feedAfter(good, back, (f) => (f.lastSuccessAt ?? 0) > back);
    expect((await booking("HMICALBBB2"))!.status).toBe("confirmed");
  });

  it("Sync now pokes the job, at most once per 30 s", async () => {
    const first = await desk(stack.url, "/calendars/sync", cookie, { method: "POST" });
    expect(first.status, first.text).toBe(200);
    const second = await desk(stack.url, "/calendars/sync", cookie, { method: "POST" });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe("rate_limited");
  });
});

describe("managing feeds", () => {
  it("refuses bad addresses, unknown rooms, duplicates and staff who are not managers; audits add and remove", async () => {
    const bad = await desk(stack.url, "/calendars", cookie, {
      method: "POST",
      body: { roomId: "room-107", url: "ftp://example.com/cal.ics" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.url).toBe("The address must start with https://");
    const noRoom = await desk(stack.url, "/calendars", cookie, {
      method: "POST",
      body: { roomId: "room-nope", url: `${base}/airbnb.ics` },
    });
    expect(noRoom.status).toBe(404);
    const dup = await desk(stack.url, "/calendars", cookie, {
      method: "POST",
      body: { roomId: "room-101", url: `${base}/airbnb.ics?s=secret-token` },
    });
    expect(dup.status).toBe(409);

    await addStaff(stack.db, {
      id: "staff-ical-clerk",
      email: "clerk@ical.test",
      role: "staff",
      propertyId: PROPERTY,
      password: "clerk-password-long",
    });
    const clerk = await signIn(stack.url, "clerk@ical.test", "clerk-password-long");
    const clerkAdd = await desk(stack.url, "/calendars", clerk, {
      method: "POST",
      body: { roomId: "room-107", url: `${base}/airbnb.ics` },
    });
    expect(clerkAdd.status).toBe(403);
    const seen = await feeds(clerk);
    expect(seen.length).toBeGreaterThan(0);
    for (const f of seen) expect(f.url).toBeNull();
    expect((await feeds()).find((f) => f.feedId === good)!.url).toContain("secret-token");

    const extra = await addFeed("room-107", "/gone.ics?other");
    const removed = await desk(stack.url, `/calendars/${extra}`, cookie, { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect((await feeds()).some((f) => f.feedId === extra)).toBe(false);
    const actions = (await auditEntries(stack.db)).map((e) => e.action);
    expect(actions).toContain("calendar.add");
    expect(actions).toContain("calendar.remove");
    const details = (await auditEntries(stack.db)).map((e) => e.detail ?? "").join("\n");
    expect(details).not.toContain("secret-token");
  });
});

describe("two properties", () => {
  it("keeps feeds, their status and their bookings apart", async () => {
    await addProperty(stack.db, "prop-ical-other");
    await stack.db.insert(room).values({
      id: "room-ical-other",
      propertyId: "prop-ical-other",
      name: "Loft",
      frontDoorLockId: "f",
      roomLockId: "r",
    });
    await addStaff(stack.db, {
      id: "staff-ical-other",
      email: "manager@ical-other.test",
      role: "manager",
      propertyId: "prop-ical-other",
      password: "other-manager-password",
    });
    const other = await signIn(stack.url, "manager@ical-other.test", "other-manager-password");
    expect(await feeds(other)).toEqual([]);
    const intoTheirRoom = await desk(stack.url, "/calendars", other, {
      method: "POST",
      body: { roomId: "room-101", url: `${base}/airbnb.ics` },
    });
    expect(intoTheirRoom.status).toBe(404);
    expect((await desk(stack.url, `/calendars/${good}`, other, { method: "DELETE" })).status).toBe(404);

    // The same Airbnb export added by the other property: the references are the first property's.
    const res = await desk(stack.url, "/calendars", other, {
      method: "POST",
      body: { roomId: "room-ical-other", url: `${base}/airbnb.ics?s=secret-token` },
    });
    expect(res.status, res.text).toBe(201);
    const since = Date.now();
    const theirs = await until("the other property's sync", async () =>
      (await feeds(other)).find((f) => (f.lastSuccessAt ?? 0) > since),
    );
    expect(theirs.lastNote).toContain("belong to a booking made elsewhere");
    expect(await booking("HMICALAAA1")).toMatchObject({ propertyId: PROPERTY, icalFeedId: good });
    const theirsRows = await stack.db.select().from(reservation).where(eq(reservation.propertyId, "prop-ical-other"));
    // Only the UID-referenced event became theirs: its reference hashes in the property.
    expect(theirsRows.map((r) => r.bookingRef)).toEqual([expect.stringMatching(/^IC[A-Z0-9]{14}$/)]);
    expect((await feeds()).every((f) => f.roomId !== "room-ical-other")).toBe(true);
  });
});
