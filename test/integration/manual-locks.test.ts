// Properties without a smart lock, end to end on real sqld + partykit dev with the Seam
// simulator: a room behind a manual key box checks in with one Seam code (the front door)
// and the manager's code for the room; the code is shown only inside the stay window,
// follows a new code live, the desk asks for a new code after a stay ends, and one
// property never reaches another's manual locks.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, guest, manualLock, property, reservation, room } from "../../db/schema";
import { addDays, todayIn } from "../../db/seed";
import { zonedTimeToEpoch } from "../../domain/pin-window";
import { seamSimKey } from "../../party/seamsim/inspect";
import type { StayResponse } from "../../shared/protocol/guest-http";
import { stayServerMessage, type StayView } from "../../shared/protocol/guest-stay";
import { pinsOnLock, startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectRaw, toWsUrl, type RawClient } from "../support/ws-client";
import { addProperty, addStaff, desk, login, PROPERTY, signIn, staffIp } from "./desk-helpers";

const FRONT = "lock-front-harbour";
const ZONE = "Europe/London";

let stack: TestStack;
let key: string;
let admin: string;

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5", SIM_LOCK_SET_DELAY_MS: "200", LOCK_POLL_MS: "1000" });
  key = seamSimKey(stack.vars);
  // Arrival at the start of the day: every stay here is inside its window now.
  await stack.db.update(property).set({ standardCheckInTime: "00:00" }).where(eq(property.id, PROPERTY));
  admin = await signIn(stack.url);
});
afterAll(async () => stack?.stop());

async function addManualLock(name: string, code: string, cookie = admin) {
  const r = await desk(stack.url, "/manual-locks", cookie, { method: "POST", body: { name, code } });
  expect(r.status, r.text).toBe(201);
  expect(r.text).not.toContain(code);
  return r.body as { id: string; lockId: string };
}

/** Points the booking's room at these locks through the desk, as a manager would. */
async function setRoomLocks(ref: string, locks: { frontDoorLockId: string; roomLockId: string }) {
  const [row] = await stack.db
    .select({ roomId: room.id, name: room.name })
    .from(reservation)
    .innerJoin(room, eq(room.id, reservation.roomId))
    .where(eq(reservation.bookingRef, ref));
  const r = await desk(stack.url, `/rooms/${row!.roomId}`, admin, {
    method: "PUT",
    body: { name: row!.name, ...locks },
  });
  expect(r.status, r.text).toBe(200);
  return row!.roomId;
}

async function checkIn(ref: string) {
  const sessionId = await startSession(stack.url, ref);
  const client = await walkToConfirm(stack.url, sessionId);
  client.send({ type: "confirm" });
  const done = await waitForState(client, (s) => s.step === "completed" && s.stayToken !== null, 30_000);
  await client.close();
  return { sessionId, stayToken: done.stayToken! };
}

async function stayPage(token: string): Promise<StayResponse> {
  const res = await fetch(`${stack.url}/api/stay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as StayResponse;
}

async function openStay(sessionId: string, stayToken: string): Promise<RawClient> {
  const socket = await connectRaw(toWsUrl(stack.url, `/parties/checkin/${encodeURIComponent(sessionId)}?channel=stay`));
  socket.send({ type: "hello", stayToken });
  return socket;
}

async function nextStay(client: RawClient, predicate: (s: StayView) => boolean, timeoutMs = 30_000) {
  const m = await client.next((raw) => {
    const parsed = stayServerMessage.safeParse(raw.json);
    return parsed.success && parsed.data.type === "stay" && predicate(parsed.data.stay);
  }, timeoutMs);
  return (stayServerMessage.parse(m.json) as { stay: StayView }).stay;
}

/** Moves the checked-in guest's stay (the rows the stay API and the rotation rule read). */
async function moveGuestStay(ref: string, checkInDate: string, checkOutDate: string) {
  const [r] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, ref));
  await stack.db
    .update(guest)
    .set({ checkInDate, checkOutDate })
    .where(and(eq(guest.reservationId, r!.id), eq(guest.archived, false)));
}

async function manualLocks(cookie = admin) {
  const r = await desk(stack.url, "/manual-locks", cookie);
  expect(r.status, r.text).toBe(200);
  return r.body.locks as { id: string; name: string; hint: string | null; rotateSince: number | null }[];
}

describe("a room behind a manual key box, the front door on Seam", () => {
  it("checks in with one Seam code (front door) and the manager's code for the room, shown live", async () => {
    const box = await addManualLock("Room 105 key box", "2468");
    const refused = await desk(stack.url, `/rooms/nope`, admin, {
      method: "PUT",
      body: { name: "x", frontDoorLockId: FRONT, roomLockId: "manual:mlk_unknown" },
    });
    expect(refused.status).toBe(400);
    await setRoomLocks("FD1005", { frontDoorLockId: FRONT, roomLockId: box.lockId });

    const { sessionId, stayToken } = await checkIn("FD1005");
    const socket = await openStay(sessionId, stayToken);
    const ready = await nextStay(socket, (s) => s.ready);
    expect(ready.locks).toEqual({ frontDoor: "set", room: "set" });
    expect(ready.manual).toEqual({ frontDoor: null, room: { phase: "during", code: "2468" } });
    expect(ready.code).toMatch(/^\d{4,8}$/);
    expect(ready.code).not.toBe("2468");

    // Exactly one Seam code, on the front door; the lock service never hears of the key box.
    const front = await pinsOnLock(stack.url, key, FRONT, `frontdoor:${sessionId}`);
    expect(front).toHaveLength(1);
    const [row] = await stack.db.select().from(guest).where(eq(guest.checkinSessionId, sessionId));
    expect(row!.frontDoorPinId).toBe(front[0]!.access_code_id);
    expect(row!.roomPinId).toBeNull();

    const page = await stayPage(stayToken);
    expect(page.pin).toBe(ready.code);
    expect(page.manual).toEqual({ frontDoor: null, room: { phase: "during", code: "2468" } });

    // A new code while the guest is in their stay: their page shows it at once.
    const set = await desk(stack.url, `/manual-locks/${box.id}/code`, admin, { method: "PUT", body: { code: "1357" } });
    expect(set.status, set.text).toBe(200);
    expect(set.text).not.toContain("1357");
    const live = await nextStay(socket, (s) => s.manual.room?.code === "1357");
    expect(live.manual.room).toEqual({ phase: "during", code: "1357" });
    const audit = await stack.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "manual-lock.code"), eq(auditLog.detail, box.id)));
    expect(audit).toHaveLength(1);
    const [stored] = await stack.db.select().from(manualLock).where(eq(manualLock.id, box.id));
    expect(stored!.codeCipher).not.toContain("1357");
    expect(stored!.hint).toBe("57");
    await socket.close();
  });

  it("with every lock manual: no Seam code at all, and the stay has no code of its own", async () => {
    const front = await addManualLock("Front door keypad", "90817");
    const box = await addManualLock("Room 106 key box", "3141");
    await setRoomLocks("FD1006", { frontDoorLockId: front.lockId, roomLockId: box.lockId });
    const { sessionId, stayToken } = await checkIn("FD1006");
    const socket = await openStay(sessionId, stayToken);
    const ready = await nextStay(socket, (s) => s.ready);
    expect(ready.code).toBeNull();
    expect(ready.manual).toEqual({
      frontDoor: { phase: "during", code: "90817" },
      room: { phase: "during", code: "3141" },
    });
    expect(await pinsOnLock(stack.url, key, FRONT, `frontdoor:${sessionId}`)).toEqual([]);
    expect((await stayPage(stayToken)).pin).toBeNull();
    await socket.close();
  });
});

describe("the stay window, enforced by the server", () => {
  it("withholds the code before the window and after checkout, saying when before", async () => {
    const box = await addManualLock("Room 108 key box", "8642");
    await setRoomLocks("FD1008", { frontDoorLockId: FRONT, roomLockId: box.lockId });
    const { stayToken } = await checkIn("FD1008");
    const today = todayIn(ZONE);

    await moveGuestStay("FD1008", addDays(today, 2), addDays(today, 4));
    const before = await stayPage(stayToken);
    expect(before.manual.room).toEqual({ phase: "before", code: null });
    expect(before.pinValidFrom).toBe(`${addDays(today, 2)} 00:00`);
    expect(JSON.stringify(before)).not.toContain("8642");

    await moveGuestStay("FD1008", addDays(today, -3), addDays(today, -1));
    const after = await stayPage(stayToken);
    expect(after.manual.room).toEqual({ phase: "after", code: null });
    expect(JSON.stringify(after)).not.toContain("8642");
  });
});

describe("rotation", () => {
  it("asks for a new code once a stay on the lock has ended, until a manager sets one", async () => {
    const box = await addManualLock("Room 109 key box", "5555");
    await setRoomLocks("FD1009", { frontDoorLockId: FRONT, roomLockId: box.lockId });
    await checkIn("FD1009");
    expect((await manualLocks()).find((l) => l.id === box.id)?.rotateSince).toBeNull();

    // The code was set before this stay, which has now ended.
    const today = todayIn(ZONE);
    await stack.db
      .update(manualLock)
      .set({ codeSetAt: Date.now() - 5 * 86_400_000 })
      .where(eq(manualLock.id, box.id));
    await moveGuestStay("FD1009", addDays(today, -3), addDays(today, -1));
    const due = (await manualLocks()).find((l) => l.id === box.id);
    expect(due?.rotateSince).toBe(zonedTimeToEpoch(addDays(today, -1), "11:00", ZONE));

    const staffOnly = await addStaffAndLogin("staff-harbour", "staff@harbour.test", "staff", PROPERTY);
    const notAllowed = await desk(stack.url, `/manual-locks/${box.id}/code`, staffOnly, {
      method: "PUT",
      body: { code: "7777" },
    });
    expect(notAllowed.status).toBe(403);
    const bad = await desk(stack.url, `/manual-locks/${box.id}/code`, admin, { method: "PUT", body: { code: "12" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ code: "Enter the code as 3 to 12 digits" });

    const set = await desk(stack.url, `/manual-locks/${box.id}/code`, admin, { method: "PUT", body: { code: "6060" } });
    expect(set.status, set.text).toBe(200);
    const cleared = (await manualLocks()).find((l) => l.id === box.id);
    expect(cleared).toMatchObject({ rotateSince: null, hint: "60" });
  });
});

async function addStaffAndLogin(id: string, email: string, role: "staff" | "manager", propertyId: string) {
  const password = `${id}-long-password`;
  await addStaff(stack.db, { id, email, role, propertyId, password });
  const r = await login(stack.url, email, password, staffIp());
  expect(r.status).toBe(200);
  return r.cookie!;
}

describe("one property cannot reach another's manual locks", () => {
  it("lists none of them, cannot set their code, and cannot put them on its rooms", async () => {
    const box = await addManualLock("Harbour cellar key box", "2020");
    await addProperty(stack.db, "prop-other");
    const other = await addStaffAndLogin("manager-other", "manager@other.test", "manager", "prop-other");
    expect(await manualLocks(other)).toEqual([]);
    const set = await desk(stack.url, `/manual-locks/${box.id}/code`, other, { method: "PUT", body: { code: "9999" } });
    expect(set.status).toBe(404);
    const added = await desk(stack.url, "/rooms", other, {
      method: "POST",
      body: { name: "Other 1", frontDoorLockId: "lock-front-other", roomLockId: box.lockId },
    });
    expect(added.status).toBe(400);
    expect(added.body.error.fields).toEqual({ roomLockId: "Choose one of this property's manual locks" });
    const [stored] = await stack.db.select().from(manualLock).where(eq(manualLock.id, box.id));
    expect(stored!.hint).toBe("20");
  });
});
