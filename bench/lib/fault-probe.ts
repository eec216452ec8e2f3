// The faults scenario's hands on the Seam simulator and its eyes on the outcome: sets each
// room lock's failure mode through the simulator's own control API before the guests come,
// plays the parts that happen after check-in (the lock comes back online, someone removes a
// code at the lock), and reads what every reservation ended with from the simulator, the
// desk's live board and the door-trouble log.
import { and, eq, inArray } from "drizzle-orm";
import { backupCode, doorTrouble } from "../../db/schema";
import { unconfirmedSides } from "../../domain/backup-codes";
import type { BoardSession } from "../../domain/board";
import { pinLabel } from "../../party/checkin/pin-task";
import { sealCode } from "../../party/doors/backup-code-crypto";
import {
  configureSimDevice,
  removeSimCodeFromDevice,
  seamSimCodes,
  type SimListedCode,
} from "../../party/seamsim/inspect";
import { boardMessage } from "../../shared/protocol/board-socket";
import type { BenchEnv } from "./env";
import { mismatches, modeOf, NEEDS_BACKUP_POOL, type FaultMode, type ModeObservation } from "./fault-modes";
import type { GuestResult } from "./guest";
import { deskLogin } from "./http";
import { mapLimit, sleep } from "./pool";
import { BENCH_PROPERTY, BENCH_STAFF, type BenchReservation } from "./seed";
import { BenchSocket } from "./socket";

export interface ModeAssignment {
  reservation: BenchReservation;
  mode: FaultMode;
}

/** Sets every room lock's mode and fills the backup pool where the product may need it; before any guest arrives. */
export async function prepareModes(
  env: BenchEnv,
  reservations: readonly BenchReservation[],
  failAfterMs: number,
): Promise<ModeAssignment[]> {
  const assigned = reservations.map((reservation, i) => ({ reservation, mode: modeOf(i) }));
  await mapLimit(assigned, 8, async ({ reservation, mode }) => {
    const lock = reservation.roomLockId;
    if (mode === "offline") await configureSimDevice(env.baseUrl, env.seamSimKey, lock, { online: false });
    if (mode === "stuck") await configureSimDevice(env.baseUrl, env.seamSimKey, lock, { code_outcome: "stuck" });
    if (mode === "fail_later")
      await configureSimDevice(env.baseUrl, env.seamSimKey, lock, {
        code_outcome: "fail_later",
        fail_after_ms: failAfterMs,
      });
    if (mode === "low_battery") await configureSimDevice(env.baseUrl, env.seamSimKey, lock, { battery_level: 0.1 });
    if (mode === "webhooks_lost") await configureSimDevice(env.baseUrl, env.seamSimKey, lock, { drop_webhooks: true });
  });
  const secret = env.stack.vars.SESSION_SECRET;
  if (!secret) throw new Error("the stack has no SESSION_SECRET to seal backup codes with");
  const pooled = assigned.filter((a) => NEEDS_BACKUP_POOL.has(a.mode));
  const rows = await Promise.all(
    pooled.map(async ({ reservation }) => ({
      id: `bench-backup-${reservation.roomLockId}`,
      propertyId: BENCH_PROPERTY,
      lockId: reservation.roomLockId,
      codeCipher: await sealCode(secret, String(100_000 + Math.floor(Math.random() * 900_000))),
      hint: "00",
      createdAt: Date.now(),
    })),
  );
  for (let i = 0; i < rows.length; i += 100) await env.db.insert(backupCode).values(rows.slice(i, i + 100));
  return assigned;
}

/** The desk's live board, kept up to date for as long as the scenario watches. */
export class BoardView {
  readonly sessions = new Map<string, BoardSession>();
  readonly errors: string[] = [];
  private socket: BenchSocket | null = null;

  async open(env: BenchEnv) {
    const cookie = await deskLogin(env.baseUrl, BENCH_STAFF.email, BENCH_STAFF.password);
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    this.socket = new BenchSocket(
      `${env.wsBase}/parties/frontdesk/${BENCH_PROPERTY}`,
      {
        onMessage: (text) => {
          const msg = boardMessage.safeParse(JSON.parse(text));
          if (!msg.success || msg.data.type === "error") return void this.errors.push(text.slice(0, 160));
          for (const s of msg.data.sessions) {
            const known = this.sessions.get(s.sessionId);
            if (!known || known.version < s.version) this.sessions.set(s.sessionId, s);
          }
          arrived();
        },
        onFatal: (reason) => this.errors.push(`board socket: ${reason}`),
      },
      { headers: { cookie }, reconnect: true, deadline: Infinity },
    );
    await this.socket.open();
    await first;
  }

  close() {
    this.socket?.close();
  }
}

/** As the desk's door-alert list reads the board: a guest report, a lock with no backup left, or a late code. */
export function hasDoorAlert(s: BoardSession, now: number): boolean {
  const door = s.door;
  if (!door) return false;
  const locks = { frontDoor: s.locks?.frontDoor ?? null, room: s.locks?.room ?? null };
  return (
    door.trouble !== null ||
    door.noBackup.length > 0 ||
    unconfirmedSides(locks, door.backups, door.confirmBy, now).length > 0
  );
}

type Observed = ModeObservation & { bookingRef: string };

/** One look at every reservation: the simulator's codes, the board's view, the door-trouble log. */
export async function observeModes(
  env: BenchEnv,
  assigned: readonly ModeAssignment[],
  results: readonly GuestResult[],
  board: BoardView,
): Promise<Observed[]> {
  const byRef = new Map(results.map((r) => [r.bookingRef, r]));
  const refs = assigned.map((a) => a.reservation.bookingRef);
  const backups = new Map<string, number>();
  for (let i = 0; i < refs.length; i += 200) {
    const rows = await env.db
      .select({ bookingRef: doorTrouble.bookingRef })
      .from(doorTrouble)
      .where(
        and(
          eq(doorTrouble.propertyId, BENCH_PROPERTY),
          eq(doorTrouble.kind, "backup-issued"),
          inArray(doorTrouble.bookingRef, refs.slice(i, i + 200)),
        ),
      );
    for (const r of rows) backups.set(r.bookingRef, (backups.get(r.bookingRef) ?? 0) + 1);
  }
  const fronts = [...new Set(assigned.map((a) => a.reservation.frontDoorLockId))];
  const frontCodes = (await mapLimit(fronts, 4, (lock) => seamSimCodes(env.baseUrl, env.seamSimKey, lock))).flat();
  const perLabel = new Map<string, number>();
  for (const c of frontCodes) perLabel.set(c.name ?? "", (perLabel.get(c.name ?? "") ?? 0) + 1);
  const now = Date.now();
  return mapLimit(assigned, 16, async ({ reservation, mode }) => {
    const guest = byRef.get(reservation.bookingRef);
    const sessionId = guest?.sessionIds.at(-1);
    const session = sessionId ? board.sessions.get(sessionId) : undefined;
    const roomCodes: SimListedCode[] = await seamSimCodes(env.baseUrl, env.seamSimKey, reservation.roomLockId);
    return {
      bookingRef: reservation.bookingRef,
      mode,
      completed: guest?.ok ?? false,
      roomCodes: roomCodes.map((c) => ({
        status: c.status,
        failed: c.errors.some((e) => e.error_code === "failed_to_set_on_device"),
      })),
      frontDoorCodes: sessionId ? (perLabel.get(pinLabel(sessionId)) ?? 0) : 0,
      boardRoom: session?.locks?.room ?? null,
      boardFrontDoor: session?.locks?.frontDoor ?? null,
      backupsGiven: backups.get(reservation.bookingRef) ?? 0,
      alert: session ? hasDoorAlert(session, now) : false,
    };
  });
}

/** Looks again every `everyMs` until `done` holds for every reservation or the deadline passes; returns the last look. */
async function watchUntil(
  look: () => Promise<Observed[]>,
  done: (o: Observed) => boolean,
  deadline: number,
  everyMs = 1_000,
): Promise<Observed[]> {
  for (;;) {
    const seen = await look();
    if (seen.every(done) || performance.now() + everyMs > deadline) return seen;
    await sleep(everyMs);
  }
}

/**
 * After the check-ins: once every offline lock's guest holds a backup (the arrival check
 * ran while the lock was away), the locks come back; once every code to be removed is on
 * its lock, someone removes it there. Then waits for every reservation to end as its mode
 * must, and returns how they ended and how long the after-play took.
 */
export async function playAfterCheckin(
  env: BenchEnv,
  assigned: readonly ModeAssignment[],
  results: readonly GuestResult[],
  settleMs: number,
): Promise<{ observations: Observed[]; settleMs: number; boardErrors: string[] }> {
  const board = new BoardView();
  await board.open(env);
  const t0 = performance.now();
  try {
    const look = () => observeModes(env, assigned, results, board);
    const deadline = t0 + settleMs;
    await watchUntil(look, (o) => o.mode !== "offline" || o.backupsGiven > 0 || !o.completed, deadline);
    const ofMode = (mode: FaultMode) => assigned.filter((a) => a.mode === mode).map((a) => a.reservation);
    await mapLimit(ofMode("offline"), 8, (r) =>
      configureSimDevice(env.baseUrl, env.seamSimKey, r.roomLockId, { online: true }),
    );
    await watchUntil(look, (o) => o.mode !== "removed" || o.roomCodes.some((c) => c.status === "set"), deadline);
    await mapLimit(ofMode("removed"), 8, async (r) => {
      for (const code of await seamSimCodes(env.baseUrl, env.seamSimKey, r.roomLockId))
        if (code.status === "set") await removeSimCodeFromDevice(env.baseUrl, env.seamSimKey, code.access_code_id);
    });
    const observations = await watchUntil(look, (o) => mismatches(o).length === 0, deadline);
    return { observations, settleMs: Math.round(performance.now() - t0), boardErrors: board.errors };
  } finally {
    board.close();
  }
}
