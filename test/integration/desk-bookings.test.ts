// The Bookings API against real sqld + partykit dev: add, edit, cancel and no-show by
// hand; CSV preview and commit (the same file twice, a newer export, every kind of bad
// row); the check-in link opening a session; property settings and rooms; and a second
// property whose staff see and change none of the first one's bookings.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { addDays, todayIn } from "../../db/seed";
import { reservation, room } from "../../db/schema";
import {
  deskBooking,
  deskBookingsResponse,
  deskCheckinLinkResponse,
  deskImportResult,
} from "../../shared/bookings-protocol";
import { lookupResponse } from "../../shared/protocol/guest-http";
import type { PublicSessionState } from "../../domain/checkin-types";
import { uniqueIp, waitForState } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectCheckin } from "../support/ws-client";
import { addProperty, addStaff, desk, PROPERTY, signIn } from "./desk-helpers";

let stack: TestStack;
let cookie: string;
const today = todayIn("Europe/London");

beforeAll(async () => {
  stack = await startTestStack();
  cookie = await signIn(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

async function upload(path: "preview" | "commit", csv: string, dateOrder = "iso", who = cookie) {
  const res = await fetch(`${stack.url}/api/desk/bookings/import/${path}?dateOrder=${dateOrder}`, {
    method: "POST",
    headers: { cookie: who, "content-type": "text/csv" },
    body: csv,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as unknown };
}

const countRows = async (propertyId = PROPERTY) =>
  (await stack.db.select({ id: reservation.id }).from(reservation).where(eq(reservation.propertyId, propertyId)))
    .length;

describe("by hand", () => {
  it("adds a booking with a generated reference, edits it, and cancels it, each audited", async () => {
    const add = await desk(stack.url, "/bookings", cookie, {
      method: "POST",
      body: {
        roomId: "room-105",
        checkInDate: addDays(today, 3),
        checkOutDate: addDays(today, 5),
        earlyCheckInTime: "9:30",
        expectedGuestName: "Mary  Somerville",
        expectedGuestEmail: "MARY@example.com",
        expectedGuestPhone: "07700 900321",
      },
    });
    expect(add.status, add.text).toBe(201);
    const created = deskBooking.parse(add.body);
    expect(created).toMatchObject({
      bookingRef: expect.stringMatching(/^FD[A-Z2-9]{6}$/),
      roomName: "Room 105",
      status: "confirmed",
      earlyCheckInTime: "09:30",
      expectedGuestName: "Mary Somerville",
      expectedGuestEmail: "mary@example.com",
      expectedGuestPhone: "+447700900321",
      guestName: null,
      source: "desk",
    });

    const edit = await desk(stack.url, `/bookings/${created.bookingRef}`, cookie, {
      method: "PUT",
      body: {
        roomId: "room-106",
        checkInDate: addDays(today, 4),
        checkOutDate: addDays(today, 6),
        lateCheckoutTime: "13:00",
      },
    });
    expect(edit.status, edit.text).toBe(200);
    expect(deskBooking.parse(edit.body)).toMatchObject({
      roomName: "Room 106",
      checkInDate: addDays(today, 4),
      lateCheckoutTime: "13:00",
    });

    const found = deskBookingsResponse.parse((await desk(stack.url, `/bookings?q=somerville`, cookie)).body);
    expect(found.bookings.map((b) => b.bookingRef)).toEqual([created.bookingRef]);

    // A no-show is only possible from the arrival date; this one is in the future.
    const early = await desk(stack.url, `/bookings/${created.bookingRef}/no-show`, cookie, { method: "POST" });
    expect(early.status).toBe(409);
    const cancel = await desk(stack.url, `/bookings/${created.bookingRef}/cancel`, cookie, { method: "POST" });
    expect(cancel.status, cancel.text).toBe(200);
    expect(deskBooking.parse(cancel.body).status).toBe("cancelled");
    const again = await desk(stack.url, `/bookings/${created.bookingRef}/cancel`, cookie, { method: "POST" });
    expect(again.status).toBe(409);

    const actions = (await auditEntries(stack.db))
      .filter((e) => e.bookingRef === created.bookingRef)
      .map((e) => e.action);
    expect(actions).toEqual(["booking.create", "booking.edit", "booking.cancel"]);
  });

  it("marks today's arrival as a no-show, after which the guest cannot start a check-in", async () => {
    const res = await desk(stack.url, "/bookings/FD1019/no-show", cookie, { method: "POST" });
    expect(res.status, res.text).toBe(200);
    expect(deskBooking.parse(res.body).status).toBe("no_show");
    const lookup = await fetch(`${stack.url}/api/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": uniqueIp() },
      body: JSON.stringify({ bookingRef: "FD1019", proof: "Wilson" }),
    });
    expect(lookup.status).toBe(404);
  });

  it("refuses bad input field by field, a taken reference, and moving a checked-in guest", async () => {
    const bad = await desk(stack.url, "/bookings", cookie, {
      method: "POST",
      body: {
        roomId: "room-nope",
        checkInDate: today,
        checkOutDate: today,
        expectedGuestEmail: "x",
        expectedGuestPhone: "12",
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      "checkOutDate",
      "expectedGuestEmail",
      "expectedGuestPhone",
      "roomId",
    ]);
    const taken = await desk(stack.url, "/bookings", cookie, {
      method: "POST",
      body: { bookingRef: "fd1001", roomId: "room-101", checkInDate: today, checkOutDate: addDays(today, 1) },
    });
    expect(taken.status).toBe(409);
    const moved = await desk(stack.url, "/bookings/FD2001", cookie, {
      method: "PUT",
      body: { roomId: "room-101", checkInDate: today, checkOutDate: addDays(today, 2) },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe("checked_in");
  });

  it("lists today's arrivals in pages that join up without gaps or repeats", async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => `PG${String(i).padStart(4, "0")},Room 110,${today},${addDays(today, 1)}`,
    );
    const commit = await upload("commit", `Booking ref,Room,Arrival,Departure\n${rows.join("\n")}`);
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = deskBookingsResponse.parse(
        (await desk(stack.url, `/bookings?preset=today${after ? `&after=${after}` : ""}`, cookie)).body,
      );
      expect(page.bookings.length).toBeLessThanOrEqual(50);
      seen.push(...page.bookings.map((b) => b.bookingRef));
      after = page.nextCursor;
    } while (after);
    const expected = (
      await stack.db.select({ ref: reservation.bookingRef }).from(reservation).where(eq(reservation.checkInDate, today))
    )
      .map((r) => r.ref)
      .sort();
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe("CSV import", () => {
  const header = "Reservation ID;Unit;Check-in;Check-out;Guest name;Email";
  const v1 = [
    header,
    `CSV001;Room 111;${dmy(addDays(today, 10))};${dmy(addDays(today, 12))};Ada Byron;ada@example.com`,
    `CSV002;112;${dmy(addDays(today, 11))};${dmy(addDays(today, 14))};Charles Babbage;`,
  ].join("\r\n");

  it("previews without writing, commits, and finds nothing to do the second time", async () => {
    const before = await countRows();
    const preview = deskImportResult.parse((await upload("preview", `\uFEFF${v1}`, "day-first")).body);
    expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 0, invalid: 0 });
    expect(await countRows()).toBe(before);

    const first = await upload("commit", `\uFEFF${v1}`, "day-first");
    expect(first.status).toBe(200);
    expect(deskImportResult.parse(first.body)).toMatchObject({ committed: true, counts: { new: 2, changed: 0 } });
    expect(await countRows()).toBe(before + 2);

    const second = deskImportResult.parse((await upload("commit", v1, "day-first")).body);
    expect(second.counts).toEqual({ new: 0, changed: 0, unchanged: 2, invalid: 0 });
    expect(await countRows()).toBe(before + 2);
  });

  it("updates a newer export by reference, never duplicating", async () => {
    const before = await countRows();
    const v2 = [
      header,
      `CSV001;Room 113;${dmy(addDays(today, 10))};${dmy(addDays(today, 13))};Ada Byron;ada@example.com`,
    ].join("\n");
    const res = deskImportResult.parse((await upload("commit", v2, "day-first")).body);
    expect(res.counts).toEqual({ new: 0, changed: 1, unchanged: 0, invalid: 0 });
    expect(await countRows()).toBe(before);
    const [row] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "CSV001"));
    expect(row).toMatchObject({
      roomId: "room-113",
      checkOutDate: addDays(today, 13),
      source: "csv",
      expectedGuestSurname: "byron",
    });
  });

  it("refuses a file with every kind of bad row, listing each, and writes none of it", async () => {
    const before = await stack.db.select().from(reservation);
    const csv = [
      "Booking ref,Room,Arrival,Departure,Late checkout,Email,Phone,Status",
      `GOODROW1,Room 101,${addDays(today, 20)},${addDays(today, 21)},,,,`,
      `,Room 101,${addDays(today, 20)},${addDays(today, 21)},,,,`,
      `BAD-REF,Room 101,${addDays(today, 20)},${addDays(today, 21)},,,,`,
      `GOODROW1,Room 102,${addDays(today, 20)},${addDays(today, 21)},,,,`,
      `NOROOM1,Room 999,${addDays(today, 20)},${addDays(today, 21)},,,,`,
      `BADDATE1,Room 101,31/12/2026,${addDays(today, 21)},,,,`,
      `BACKWARD,Room 101,${addDays(today, 21)},${addDays(today, 20)},,,,`,
      `LATE9999,Room 101,${addDays(today, 20)},${addDays(today, 21)},25:00,,,`,
      `MAILBAD1,Room 101,${addDays(today, 20)},${addDays(today, 21)},,nope,,`,
      `PHONEBAD,Room 101,${addDays(today, 20)},${addDays(today, 21)},,,12,`,
      `STATUSX1,Room 101,${addDays(today, 20)},${addDays(today, 21)},,,,pending`,
      `FD2001,Room 101,${addDays(today, 20)},${addDays(today, 21)},,,,`,
      `SHORT001,Room 101`,
    ].join("\n");
    const res = await upload("commit", csv);
    expect(res.status).toBe(422);
    const body = deskImportResult.parse(res.body);
    expect(body.committed).toBe(false);
    expect(body.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 12 });
    expect(body.invalid.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(body.invalid.find((r) => r.line === 13)!.reason).toMatch(/already checked in/);
    expect(await stack.db.select().from(reservation)).toEqual(before);
  });

  it("refuses a file without the needed columns, and one over 5 MB", async () => {
    const res = deskImportResult.parse((await upload("preview", "Name,Nights\nAda,2\n")).body);
    expect(res.problems.length).toBe(4);
    // The server answers 413 as soon as it has read past the cap; a client still sending may
    // see that answer or, when the connection closes first, a reset. Either way: refused.
    const oversized = `Booking ref,Room,Arrival,Departure\n${"x".repeat(5 * 1024 * 1024 + 70 * 1024)}`;
    const big = await upload("preview", oversized).catch((err: Error) => ({ status: 0, body: err.cause }));
    if (big.status === 0) expect(big.body).toMatchObject({ code: "ECONNRESET" });
    else expect(big.status).toBe(413);
  });

  it("serves the template, which imports cleanly as it is", async () => {
    const res = await fetch(`${stack.url}/api/desk/bookings/import-template.csv`, { headers: { cookie } });
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const preview = deskImportResult.parse((await upload("preview", await res.text())).body);
    expect(preview.counts.invalid).toBe(0);
  });
});

describe("check-in link", () => {
  it("opens a session for its booking without typing a reference, and stops after checkout", async () => {
    const link = deskCheckinLinkResponse.parse(
      (await desk(stack.url, "/bookings/FD1002/link", cookie, { method: "POST" })).body,
    );
    const token = link.url.split("/checkin/")[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.message).toContain(link.url);
    // The database holds a hash of the token, never the token.
    const [stored] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "FD1002"));
    expect(stored!.checkinLinkHash).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain(token);
    // Asking again gives the same link (it may already have been sent).
    const again = deskCheckinLinkResponse.parse(
      (await desk(stack.url, "/bookings/FD1002/link", cookie, { method: "POST" })).body,
    );
    expect(again.url).toBe(link.url);

    const open = await openLink(token);
    expect(open.status).toBe(201);
    const session = lookupResponse.parse(open.body);
    expect(session).toMatchObject({ kind: "session", bookingRef: "FD1002" });
    const client = await connectCheckin(stack.url, (session as { sessionId: string }).sessionId);
    const state: PublicSessionState = await waitForState(client, (s) => s.step === "details");
    expect(state.reservation).toMatchObject({ bookingRef: "FD1002", propertyCountry: "GB" });
    client.close();

    expect((await openLink(token.replace(/^./, (ch) => (ch === "A" ? "B" : "A")))).status).toBe(404);
    await stack.db
      .update(reservation)
      .set({ checkOutDate: addDays(today, -1), checkInDate: addDays(today, -2) })
      .where(eq(reservation.bookingRef, "FD1002"));
    const expired = await openLink(token);
    expect(expired.status).toBe(410);
  });

  it("shares the lookup's per-client rate limit", async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await openLink("A".repeat(43), ip)).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("property settings and rooms", () => {
  it("validates and saves settings, which new check-ins then carry", async () => {
    const bad = await desk(stack.url, "/property", cookie, {
      method: "PUT",
      body: {
        name: "Harbour House",
        timeZone: "Mars/Olympus",
        country: "ZZ",
        phone: "123",
        standardCheckInTime: "15:00",
        standardCheckoutTime: "11:00",
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["country", "phone", "timeZone"]);
    const ok = await desk(stack.url, "/property", cookie, {
      method: "PUT",
      body: {
        name: "Harbour House",
        timeZone: "Europe/Dublin",
        country: "ie",
        phone: "01 234 5678",
        standardCheckInTime: "16:00",
        standardCheckoutTime: "10:30",
      },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ country: "IE", phone: "+35312345678", timeZone: "Europe/Dublin" });
    const open = await fetch(`${stack.url}/api/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": uniqueIp() },
      body: JSON.stringify({ bookingRef: "FD1005", proof: "Hamilton" }),
    });
    const { sessionId } = (await open.json()) as { sessionId: string };
    const client = await connectCheckin(stack.url, sessionId);
    const state = await waitForState(client, (s) => s.step === "details");
    expect(state.reservation.propertyCountry).toBe("IE");
    client.close();
  });

  it("adds, renames and retires rooms; one with bookings can't be retired or deleted", async () => {
    const added = await desk(stack.url, "/rooms", cookie, {
      method: "POST",
      body: { name: "Loft", frontDoorLockId: "lock-front-harbour", roomLockId: "lock-loft" },
    });
    expect(added.status).toBe(201);
    const roomId = added.body.roomId as string;
    expect(
      (
        await desk(stack.url, `/rooms/${roomId}`, cookie, {
          method: "PUT",
          body: { name: "The Loft", frontDoorLockId: "f", roomLockId: "r" },
        })
      ).status,
    ).toBe(200);
    const busy = await desk(stack.url, "/rooms/room-101/retire", cookie, { method: "POST" });
    expect(busy.status).toBe(409);
    expect((await desk(stack.url, "/rooms/room-101", cookie, { method: "DELETE" })).status).toBe(409);
    expect((await desk(stack.url, `/rooms/${roomId}/retire`, cookie, { method: "POST" })).status).toBe(200);
    const rooms = (await desk(stack.url, "/rooms", cookie)).body.rooms as {
      roomId: string;
      name: string;
      retiredAt: number | null;
    }[];
    expect(rooms.find((r) => r.roomId === roomId)).toMatchObject({ name: "The Loft", retiredAt: expect.any(Number) });
    // A retired room takes no new bookings.
    const onRetired = await desk(stack.url, "/bookings", cookie, {
      method: "POST",
      body: { roomId, checkInDate: addDays(today, 1), checkOutDate: addDays(today, 2) },
    });
    expect(onRetired.status).toBe(400);
    expect((await desk(stack.url, `/rooms/${roomId}`, cookie, { method: "DELETE" })).status).toBe(200);
  });

  it("lets only managers change settings and rooms", async () => {
    await addStaff(stack.db, {
      id: "staff-desk",
      email: "desk@harbour.test",
      role: "staff",
      propertyId: PROPERTY,
      password: "desk-password-1",
    });
    const staffCookie = await signIn(stack.url, "desk@harbour.test", "desk-password-1");
    expect((await desk(stack.url, "/rooms", staffCookie)).status).toBe(200);
    expect(
      (
        await desk(stack.url, "/rooms", staffCookie, {
          method: "POST",
          body: { name: "X", frontDoorLockId: "a", roomLockId: "b" },
        })
      ).status,
    ).toBe(403);
    expect((await desk(stack.url, "/property", staffCookie, { method: "PUT", body: {} })).status).toBe(403);
    // Staff do manage bookings.
    expect((await desk(stack.url, "/bookings?preset=today", staffCookie)).status).toBe(200);
  });
});

describe("two properties", () => {
  it("keeps each property's bookings, rooms and imports to its own staff", async () => {
    await addProperty(stack.db, "prop-other");
    await stack.db.insert(room).values({
      id: "room-other-1",
      propertyId: "prop-other",
      name: "Room 101",
      frontDoorLockId: "of",
      roomLockId: "or",
    });
    await addStaff(stack.db, {
      id: "staff-other",
      email: "manager@other.test",
      role: "manager",
      propertyId: "prop-other",
      password: "other-password-1",
    });
    const other = await signIn(stack.url, "manager@other.test", "other-password-1");

    const mine = await desk(stack.url, "/bookings", other, {
      method: "POST",
      body: { bookingRef: "OTHER001", roomId: "room-other-1", checkInDate: today, checkOutDate: addDays(today, 1) },
    });
    expect(mine.status, mine.text).toBe(201);
    // Harbour House's rooms and bookings do not exist for them.
    const theirRoom = await desk(stack.url, "/bookings", other, {
      method: "POST",
      body: { roomId: "room-101", checkInDate: today, checkOutDate: addDays(today, 1) },
    });
    expect(theirRoom.status).toBe(400);
    for (const [method, path] of [
      ["PUT", "/bookings/FD1001"],
      ["POST", "/bookings/FD1001/cancel"],
      ["POST", "/bookings/FD1001/no-show"],
      ["POST", "/bookings/FD1001/link"],
      ["POST", "/rooms/room-101/retire"],
      ["DELETE", "/rooms/room-101"],
    ] as const) {
      const res = await desk(stack.url, path, other, {
        method,
        body:
          method === "PUT"
            ? { roomId: "room-other-1", checkInDate: today, checkOutDate: addDays(today, 1) }
            : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const list = deskBookingsResponse.parse((await desk(stack.url, "/bookings?preset=today", other)).body);
    expect(list.bookings.map((b) => b.bookingRef)).toEqual(["OTHER001"]);
    expect(deskBookingsResponse.parse((await desk(stack.url, "/bookings?q=FD1001", other)).body).bookings).toEqual([]);
    expect(deskBookingsResponse.parse((await desk(stack.url, "/bookings?q=OTHER", cookie)).body).bookings).toEqual([]);

    // A file naming the other property's reference updates nothing there.
    const res = await upload(
      "commit",
      `Booking ref,Room,Arrival,Departure\nFD1001,Room 101,${today},${addDays(today, 3)}`,
      "iso",
      other,
    );
    expect(res.status).toBe(422);
    const [fd1001] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "FD1001"));
    expect(fd1001).toMatchObject({ propertyId: PROPERTY, roomId: "room-101" });
  });
});

function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

async function openLink(token: string, ip = uniqueIp()) {
  const res = await fetch(`${stack.url}/api/checkin-link`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify({ token }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}
