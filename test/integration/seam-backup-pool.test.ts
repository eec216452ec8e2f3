// Seam's own backup-code pool, end to end: real sqld + partykit dev with the Seam simulator.
// First the adapter's contract with the simulator (Seam's documented device flag, create
// flag and pull endpoint), then the guest's stay: a code failing on a lock that keeps a
// pool, or a lock offline at arrival, gives the guest a backup from the lock's own pool
// (on the lock already) instead of the managers' pool, which stays the fallback.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupCode, doorTrouble, property } from "../../db/schema";
import { seamSimulatorUrl } from "../../party/locks";
import { LockProviderError, type LockProvider } from "../../party/locks/provider";
import { seamProvider } from "../../party/locks/seam/provider";
import { configureSimDevice, seamSimCall, seamSimCodes, seamSimKey } from "../../party/seamsim/inspect";
import { stayServerMessage, type StayView } from "../../shared/protocol/guest-stay";
import { startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { connectRaw, toWsUrl, type RawClient } from "../support/ws-client";
import { desk, nextBoardSession, openBoardSocket, PROPERTY, signIn } from "./desk-helpers";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const HOUR = 3_600_000;
const roomLock = (ref: string) => `lock-room-1${ref.slice(-2)}`;

let stack: TestStack;
let key: string;
let seam: LockProvider;
let admin: string;
let n = 0;
const freshLock = () => `pool-lock-${Date.now()}-${n++}`;
const window = () => ({ startsAt: Date.now() + HOUR, endsAt: Date.now() + 26 * HOUR });

beforeAll(async () => {
  stack = await startTestStack({
    SIM_LOCK_LATENCY_MS: "5",
    SIM_LOCK_SET_DELAY_MS: "300",
    LOCK_POLL_MS: "5000",
    SEAM_WEBHOOK_SECRET: SECRET,
  });
  key = seamSimKey(stack.vars);
  seam = seamProvider({ baseUrl: seamSimulatorUrl(stack.url), apiKey: key });
  // Arrival is the start of the day, so every stay here has already "arrived".
  await stack.db.update(property).set({ standardCheckInTime: "00:00" }).where(eq(property.id, PROPERTY));
  admin = await signIn(stack.url);
});
afterAll(async () => stack?.stop());

interface ListedCode {
  access_code_id: string;
  code: string;
  name: string | null;
  status: string;
  ends_at: string | null;
  is_backup: boolean;
  is_backup_access_code_available: boolean;
  pulled_backup_access_code_id: string | null;
}

const getCode = async (id: string) =>
  ((await seamSimCall(stack.url, key, "access_codes/get", { access_code_id: id })) as { access_code: ListedCode })
    .access_code;

describe("the seam adapter and the simulator's backup pool", () => {
  it("reports the device flag, switches the pool on with a code, and pulls the same set backup twice", async () => {
    const lockId = freshLock();
    expect((await seam.getDevice(lockId)).supportsBackupPool).toBe(false);
    await configureSimDevice(stack.url, key, lockId, { supports_backup_access_code_pool: true });
    const other = freshLock();
    await configureSimDevice(stack.url, key, other, { supports_backup_access_code_pool: true });
    expect((await seam.getDevice(other)).supportsBackupPool).toBe(true);

    const w = window();
    const pin = await seam.createPin({ lockId, code: "583920", label: "frontdoor:pool-1", ...w, useBackupPool: true });
    expect((await getCode(pin.pinId)).is_backup_access_code_available).toBe(true);

    const backup = await seam.pullBackupCode!(pin.pinId);
    expect(backup.state).toBe("set");
    expect(backup.code).toMatch(/^\d{6}$/);
    expect(backup.code).not.toBe("583920");
    expect(backup.label).toBe(`Backup ${backup.pinId} (Seam)`);
    const stored = await getCode(backup.pinId);
    expect(stored.is_backup).toBe(true);
    expect(Date.parse(stored.ends_at!)).toBe(w.endsAt);
    expect((await getCode(pin.pinId)).pulled_backup_access_code_id).toBe(backup.pinId);

    const again = await seam.pullBackupCode!(pin.pinId);
    expect(again).toEqual(backup);
    // The adapter's own lookups by session label never mistake a backup for the guest's code.
    expect((await seam.findPins(lockId, "frontdoor:pool-1")).map((p) => p.pinId)).toEqual([pin.pinId]);
  });

  it("refuses the pool flag on a lock without one, a pull without a pool, and a pull from an empty pool", async () => {
    const plain = freshLock();
    const refused = await seam
      .createPin({ lockId: plain, code: "583921", label: "frontdoor:pool-2", ...window(), useBackupPool: true })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LockProviderError);
    expect((refused as LockProviderError).transient).toBe(false);
    const pin = await seam.createPin({ lockId: plain, code: "583921", label: "frontdoor:pool-2", ...window() });
    expect((await getCode(pin.pinId)).is_backup_access_code_available).toBe(false);
    const none = await seam.pullBackupCode!(pin.pinId).catch((e: unknown) => e);
    expect((none as LockProviderError).message).toMatch(/^The lock's backup-code pool is empty/);
    expect((none as LockProviderError).transient).toBe(false);

    const small = freshLock();
    await configureSimDevice(stack.url, key, small, { supports_backup_access_code_pool: true, backup_pool_size: 1 });
    const a = await seam.createPin({ lockId: small, code: "583922", label: "frontdoor:pool-3", ...window() });
    const b = await seam.createPin({
      lockId: small,
      code: "583923",
      label: "frontdoor:pool-4",
      ...window(),
      useBackupPool: true,
    });
    // The pool is the device's: a code created before it was switched on draws from it too.
    const first = await seam.pullBackupCode!(a.pinId);
    expect(first.state).toBe("set");
    const second = await seam.pullBackupCode!(b.pinId);
    expect(second.code).not.toBe(first.code);
    await configureSimDevice(stack.url, key, small, { backup_pool_size: 0 });
    const c = await seam.createPin({ lockId: small, code: "583924", label: "frontdoor:pool-5", ...window() });
    const empty = await seam.pullBackupCode!(c.pinId).catch((e: unknown) => e);
    expect((empty as LockProviderError).message).toMatch(/empty_backup_access_code_pool/);
  });
});

async function checkIn(ref: string) {
  const sessionId = await startSession(stack.url, ref);
  const client = await walkToConfirm(stack.url, sessionId);
  client.send({ type: "confirm" });
  const done = await waitForState(client, (s) => s.step === "completed" && s.stayToken !== null, 30_000);
  await client.close();
  return { sessionId, stayToken: done.stayToken! };
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

async function addManagerCode(lockId: string, code: string) {
  const r = await desk(stack.url, "/backup-codes", admin, { method: "POST", body: { lockId, code } });
  expect(r.status, r.text).toBe(201);
}

describe("a guest whose code fails on a lock with Seam's backup pool", () => {
  it("gets the lock's own backup at once, the stay page hears it, the desk is told, the managers' pool is kept", async () => {
    const lock = roomLock("FD1016");
    await configureSimDevice(stack.url, key, lock, {
      supports_backup_access_code_pool: true,
      code_outcome: "fail_later",
      fail_after_ms: 800,
    });
    await addManagerCode(lock, "904512");
    const board = await openBoardSocket(stack.url, PROPERTY, admin);
    const { sessionId, stayToken } = await checkIn("FD1016");
    const socket = await openStay(sessionId, stayToken);

    const stay = await nextStay(socket, (s) => s.backups.room !== null);
    expect(stay.locks.room).toBe("failed");
    const onLock = await seamSimCodes(stack.url, key, lock);
    const guestCode = onLock.find((c) => c.name === `frontdoor:${sessionId}`)!;
    const backup = onLock.find((c) => c.is_backup === true)!;
    expect(backup).toBeDefined();
    expect(guestCode.pulled_backup_access_code_id).toBe(backup.access_code_id);
    expect(stay.backups).toEqual({ frontDoor: null, room: backup.code });
    expect(backup.status).toBe("set");
    expect(backup.ends_at).toBe(guestCode.ends_at);

    const [kept] = await stack.db.select().from(backupCode).where(eq(backupCode.lockId, lock));
    expect(kept?.assignedSessionId).toBeNull();
    const log = await stack.db.select().from(doorTrouble).where(eq(doorTrouble.sessionId, sessionId));
    expect(log.map((r) => [r.kind, r.actor, r.lockId])).toEqual([["backup-issued", "auto", lock]]);
    const told = await nextBoardSession(board, sessionId, (s) => s.door?.backups.room === true, 20_000);
    expect(told.door?.events.map((e) => e.text)).toContain(
      "Room door: backup code given automatically from the lock's own backup pool",
    );
    expect(JSON.stringify(told)).not.toContain(backup.code);
    await Promise.all([socket.close(), board.close()]);
  });

  it("a pool lock offline at arrival gives its own backup; a lock without a pool falls back to the managers'", async () => {
    const lock = roomLock("FD1017");
    await configureSimDevice(stack.url, key, lock, { supports_backup_access_code_pool: true });
    await seamSimCall(stack.url, key, "devices/simulate/disconnect", { device_id: lock });
    const { sessionId, stayToken } = await checkIn("FD1017");
    const socket = await openStay(sessionId, stayToken);
    const stay = await nextStay(socket, (s) => s.backups.room !== null);
    expect(stay.locks.room).toBe("setting");
    const backup = (await seamSimCodes(stack.url, key, lock)).find((c) => c.is_backup === true);
    expect(stay.backups.room).toBe(backup?.code);
    await socket.close();

    // The front door keeps no pool: staff giving backups get the managers' code there.
    const plainRoom = roomLock("FD1018");
    await addManagerCode("lock-front-harbour", "615243");
    await addManagerCode(plainRoom, "615244");
    const other = await checkIn("FD1018");
    const issued = await desk(stack.url, `/sessions/${other.sessionId}/backup-code`, admin, { method: "POST" });
    expect(issued.status, issued.text).toBe(200);
    const live = await openStay(other.sessionId, other.stayToken);
    const given = await nextStay(live, (s) => s.backups.room !== null && s.backups.frontDoor !== null);
    expect(given.backups).toEqual({ frontDoor: "615243", room: "615244" });
    await live.close();
  });
});
