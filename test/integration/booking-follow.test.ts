// A checked-in booking that changes and its door codes following, end to end: real sqld,
// partykit dev and the Seam simulator, read through its own API. The desk edits, cancels
// and imports; the session's room moves the codes from its alarm.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { addDays } from "../../db/seed";
import { guest, reservation } from "../../db/schema";
import { pinWindow } from "../../domain/pin-window";
import { pinLabel } from "../../party/checkin/pin-task";
import { seamSimCodes, seamSimKey, type SimListedCode } from "../../party/seamsim/inspect";
import { startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectCheckin, connectRaw, toWsUrl, type CheckinClient } from "../support/ws-client";
import {
  addProperty,
  addStaff,
  boardSnapshot,
  desk,
  nextBoardSession,
  openBoardSocket,
  PROPERTY,
  signIn,
} from "./desk-helpers";

const FRONT = "lock-front-harbour";
const roomLock = (ref: string) => `lock-room-1${ref.slice(-2)}`;

let stack: TestStack;
let key: string;
let cookie: string;

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5", SIM_LOCK_SET_DELAY_MS: "200" });
  key = seamSimKey(stack.vars);
  cookie = await signIn(stack.url);
});
afterAll(async () => stack?.stop());

/** Checks a booking in through the guest's wizard; returns its session and the guest's open socket. */
async function checkIn(ref: string): Promise<{ sessionId: string; client: CheckinClient; code: string }> {
  const sessionId = await startSession(stack.url, ref);
  const client = await walkToConfirm(stack.url, sessionId);
  client.send({ type: "confirm" });
  await waitForState(client, (s) => s.step === "completed", 30_000);
  const [row] = await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId));
  return { sessionId, client, code: row!.frontDoorPin! };
}

const codesOn = (lockId: string, sessionId: string) => seamSimCodes(stack.url, key, lockId, pinLabel(sessionId));

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last seen ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

async function bookingOf(ref: string) {
  const [row] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, ref));
  return row!;
}

const windowOf = (b: { checkInDate: string; checkOutDate: string; lateCheckoutTime: string | null }) =>
  pinWindow({
    checkInDate: b.checkInDate,
    checkOutDate: b.checkOutDate,
    earlyCheckInTime: null,
    lateCheckoutTime: b.lateCheckoutTime,
    standardCheckInTime: "15:00",
    standardCheckoutTime: "11:00",
    timeZone: "Europe/London",
  });

const endsAt = (codes: SimListedCode[]) => codes.map((c) => (c.ends_at ? Date.parse(c.ends_at) : null));

describe("door codes follow a checked-in booking", () => {
  it("a stay extended after check-in: both locks get the new window, the guest row and the board follow", async () => {
    const { sessionId, client, code } = await checkIn("FD1005");
    const board = await openBoardSocket(stack.url, PROPERTY, cookie);
    await boardSnapshot(board);
    // The guest's stay page is open on its socket before the desk changes the stay.
    const [guestRow] = await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId));
    const stay = await connectRaw(toWsUrl(stack.url, `/parties/checkin/${encodeURIComponent(sessionId)}?channel=stay`));
    stay.send({ type: "hello", stayToken: guestRow!.secureToken });
    await stay.next((m) => (m.json as { type?: string } | undefined)?.type === "stay");
    const before = await bookingOf("FD1005");
    const longer = { checkInDate: before.checkInDate, checkOutDate: addDays(before.checkOutDate, 2) };
    const res = await desk(stack.url, "/bookings/FD1005", cookie, {
      method: "PUT",
      body: { roomId: before.roomId, ...longer, lateCheckoutTime: "13:00" },
    });
    expect(res.status, res.text).toBe(200);
    const want = windowOf({ ...longer, lateCheckoutTime: "13:00" }).endsAt;
    for (const lock of [FRONT, roomLock("FD1005")]) {
      const codes = await eventually(
        () => codesOn(lock, sessionId),
        (c) => c.length === 1 && endsAt(c)[0] === want,
      );
      expect(codes[0]!.code).toBe(code);
    }
    // The guest's open page hears the new stay; the stay page reads the guest row.
    const live = await waitForState(client, (s) => s.reservation.checkOutDate === longer.checkOutDate);
    expect(live.reservation.lateCheckoutTime).toBe("13:00");
    const row = await eventually(
      async () => (await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId)))[0]!,
      (g) => g.checkOutDate === longer.checkOutDate,
    );
    expect(row.lateCheckoutTime).toBe("13:00");
    expect(row.frontDoorPin).toBe(code);
    // ...and the stay page hears the new window without a reload.
    const staysUntil = windowOf({ ...longer, lateCheckoutTime: "13:00" }).localEnd;
    await stay.next((m) => (m.json as { stay?: { validUntil?: string } } | undefined)?.stay?.validUntil === staysUntil);
    await stay.close();
    const onBoard = await nextBoardSession(board, sessionId, (s) => s.stay?.codes === "done", 30_000);
    expect(onBoard.stay).toMatchObject({ checkOutDate: longer.checkOutDate, cancelled: false });
    const audit = await auditEntries(stack.db, { sessionId });
    expect(audit.map((a) => a.detail)).toContain("checked in: door codes given the new stay window");
    await board.close();
    await client.close();
  });

  it("a booking moved to another room: the room code leaves the old lock, the same code is on the new", async () => {
    const { sessionId, client, code } = await checkIn("FD1006");
    const frontBefore = await codesOn(FRONT, sessionId);
    const before = await bookingOf("FD1006");
    const res = await desk(stack.url, "/bookings/FD1006", cookie, {
      method: "PUT",
      body: { roomId: "room-119", checkInDate: before.checkInDate, checkOutDate: before.checkOutDate },
    });
    expect(res.status, res.text).toBe(200);
    const onNew = await eventually(
      () => codesOn("lock-room-119", sessionId),
      (c) => c.length === 1,
    );
    expect(onNew[0]!.code).toBe(code);
    await eventually(
      () => codesOn(roomLock("FD1006"), sessionId),
      (c) => c.length === 0,
    );
    // The front-door code stays the one it was.
    expect((await codesOn(FRONT, sessionId)).map((c) => c.access_code_id)).toEqual(
      frontBefore.map((c) => c.access_code_id),
    );
    const row = await eventually(
      async () => (await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId)))[0]!,
      (g) => g.roomId === "room-119" && g.roomPinId === onNew[0]!.access_code_id,
    );
    expect(row.frontDoorPin).toBe(code);
    expect((await bookingOf("FD1006")).roomId).toBe("room-119");
    await client.close();
  });

  it("a cancellation deletes both codes; the stay page shows no code", async () => {
    const { sessionId, client } = await checkIn("FD1007");
    expect(await codesOn(FRONT, sessionId)).toHaveLength(1);
    const res = await desk(stack.url, "/bookings/FD1007/cancel", cookie, { method: "POST" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe("cancelled");
    for (const lock of [FRONT, roomLock("FD1007")]) {
      await eventually(
        () => codesOn(lock, sessionId),
        (c) => c.length === 0,
      );
    }
    const row = await eventually(
      async () => (await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId)))[0]!,
      (g) => g.frontDoorPin === null,
    );
    const stay = await fetch(`${stack.url}/api/stay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: row.secureToken }),
    });
    expect(((await stay.json()) as { pin: string | null }).pin).toBeNull();
    // A cancelled booking takes no more changes.
    const again = await desk(stack.url, "/bookings/FD1007", cookie, {
      method: "PUT",
      body: { roomId: "room-107", checkInDate: row.checkInDate, checkOutDate: addDays(row.checkOutDate, 1) },
    });
    expect(again.status).toBe(409);
    await client.close();
  });

  it("a CSV row for a checked-in booking follows the same rule; a check-in without our codes is refused", async () => {
    const { sessionId, client } = await checkIn("FD1008");
    const before = await bookingOf("FD1008");
    const csv = [
      "Booking ref,Room,Arrival,Departure",
      `FD1008,Room 108,${before.checkInDate},${addDays(before.checkOutDate, 1)}`,
    ].join("\n");
    const upload = (text: string) =>
      fetch(`${stack.url}/api/desk/bookings/import/commit?dateOrder=iso`, {
        method: "POST",
        headers: { cookie, "content-type": "text/csv" },
        body: text,
      });
    const res = await upload(csv);
    expect(res.status, await res.clone().text()).toBe(200);
    const want = windowOf({ ...before, checkOutDate: addDays(before.checkOutDate, 1), lateCheckoutTime: null });
    for (const lock of [FRONT, roomLock("FD1008")]) {
      await eventually(
        () => codesOn(lock, sessionId),
        (c) => c.length === 1 && endsAt(c)[0] === want.endsAt,
      );
    }
    expect((await bookingOf("FD1008")).checkOutDate).toBe(addDays(before.checkOutDate, 1));
    const audit = await auditEntries(stack.db, { sessionId });
    expect(audit.some((a) => a.detail?.startsWith("csv import, checked in"))).toBe(true);

    const seeded = await bookingOf("FD2001");
    const refused = await upload(
      `Booking ref,Room,Arrival,Departure\nFD2001,Room 101,${seeded.checkInDate},${addDays(seeded.checkOutDate, 3)}`,
    );
    expect(refused.status).toBe(422);
    expect((await bookingOf("FD2001")).checkOutDate).toBe(seeded.checkOutDate);
    await client.close();
  });

  it("another property's staff can neither move nor cancel a checked-in booking, and its codes stay", async () => {
    const { sessionId, client } = await checkIn("FD1009");
    await addProperty(stack.db, "prop-follow-other");
    await addStaff(stack.db, {
      id: "staff-follow-other",
      email: "other@follow.test",
      role: "manager",
      propertyId: "prop-follow-other",
      password: "another-long-password-1",
    });
    const other = await signIn(stack.url, "other@follow.test", "another-long-password-1");
    const before = await bookingOf("FD1009");
    const moved = await desk(stack.url, "/bookings/FD1009", other, {
      method: "PUT",
      body: { roomId: "room-119", checkInDate: before.checkInDate, checkOutDate: before.checkOutDate },
    });
    expect(moved.status).toBe(404);
    expect((await desk(stack.url, "/bookings/FD1009/cancel", other, { method: "POST" })).status).toBe(404);
    expect(await codesOn(FRONT, sessionId)).toHaveLength(1);
    expect(await codesOn(roomLock("FD1009"), sessionId)).toHaveLength(1);
    expect((await bookingOf("FD1009")).status).toBe("checked_in");
    await client.close();
  });
});

describe("a follow interrupted by a crash", () => {
  let slow: TestStack;
  beforeAll(async () => {
    slow = await startTestStack({ SIM_LOCK_LATENCY_MS: "1200" });
  });
  afterAll(async () => slow?.stop());

  it("the runtime SIGKILLed while a room move is under way: still exactly one code per lock", async () => {
    const simKey = seamSimKey(slow.vars);
    const on = (lockId: string, sessionId: string) => seamSimCodes(slow.url, simKey, lockId, pinLabel(sessionId));
    const staff = await signIn(slow.url);
    const sessionId = await startSession(slow.url, "FD1011");
    const client = await walkToConfirm(slow.url, sessionId);
    client.send({ type: "confirm" });
    const done = await waitForState(client, (s) => s.step === "completed", 60_000);
    const code = (await slow.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId)))[0]!.frontDoorPin;
    const [before] = await slow.db.select().from(reservation).where(eq(reservation.bookingRef, "FD1011"));
    const res = await desk(slow.url, "/bookings/FD1011", staff, {
      method: "PUT",
      body: {
        roomId: "room-118",
        checkInDate: before!.checkInDate,
        checkOutDate: addDays(before!.checkOutDate, 1),
      },
    });
    expect(res.status, res.text).toBe(200);
    // Each call to the lock service takes 1.2 s: the follow is between its delete and its create now.
    await new Promise((r) => setTimeout(r, 1_800));
    await slow.stopRuntime("SIGKILL");
    await client.raw.closed;
    await slow.startRuntime();
    // Opening the guest's page wakes the room, which resumes the follow from what it stored.
    const again = await connectCheckin(slow.url, sessionId);
    await again.nextOfType("state");
    await eventually(
      async () => [
        (await on(FRONT, sessionId)).length,
        (await on("lock-room-111", sessionId)).length,
        (await on("lock-room-118", sessionId)).length,
      ],
      (n) => n.join() === "1,0,1",
      60_000,
    );
    const newRoom = await on("lock-room-118", sessionId);
    expect(newRoom[0]!.code).toBe(code);
    const row = await eventually(
      async () => (await slow.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId)))[0]!,
      (g) => g.roomId === "room-118" && g.roomPinId === newRoom[0]!.access_code_id,
      60_000,
    );
    expect(row.checkOutDate).toBe(addDays(before!.checkOutDate, 1));
    expect(done.step).toBe("completed");
    await again.close();
  });
});
