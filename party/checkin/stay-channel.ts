// The stay page's side of a check-in room: sockets that prove the stay token in their
// first message, the `stay` message they get whenever what the page shows changes
// (`announceStay`), "code not working?", and backup codes — given automatically when a
// lock refuses the code for good or is offline at arrival, or by staff from the board;
// from the lock's own backup pool where it keeps one, else from the managers' pool.
// The door's own state lives under its own storage key, beside the session's.
import type * as Party from "partykit/server";
import { recordDoorTrouble, claimBackupCode } from "../../db/queries/door-trouble";
import {
  arrivalCheckAt,
  arrivalCheckDue,
  arrivalCheckFailed,
  arrivalChecked,
  codeReady,
  giveBackup,
  initialDoorState,
  newCodeIssued,
  noBackupLeft,
  reportTrouble,
  sidesFailed,
  sidesOfflineAtArrival,
  SIDE_WORDS,
  SIDES,
  type DoorState,
} from "../../domain/backup-codes";
import type { BoardDoor, BoardSession } from "../../domain/board";
import type { CheckinState } from "../../domain/checkin-flow";
import { lockStateWords, type LockSide } from "../../domain/lock-code-tracking";
import { manualCodePhase, manualSides, nextPhaseChange, smartSides } from "../../domain/manual-lock";
import { pinWindow } from "../../domain/pin-window";
import {
  STAY_CHANNEL_QUERY,
  STAY_REFUSED_CLOSE,
  stayClientMessage,
  type StayServerMessage,
  type StayView,
} from "../../shared/protocol/guest-stay";
import { database } from "../database";
import { openCode } from "../doors/backup-code-crypto";
import { manualCodesForStay, NO_MANUAL_CODES, type ManualCodes } from "../doors/manual-codes";
import type { RuntimeEnv } from "../env";
import { loggableError } from "../log-safe";
import type { LockProvider } from "../locks/provider";
import { parseFrame } from "../ws-message";

const DOOR_KEY = "door";
/** A manager set a new code on a manual lock this stay uses: the page shows the new one. */
export const MANUAL_CODE_PATH = "/manual-code";
/** Taps closer together than this are one report: the desk is already alerted. */
const REPORT_COLLAPSE_MS = 60_000;

export interface StayChannelDeps {
  room(): Party.Room;
  env(): RuntimeEnv;
  /** The session's state as stored; null before init. */
  stored(): CheckinState | null;
  provider(): LockProvider;
  /** The board's copy must move: the room's SnapshotSync. */
  boardChanged(): void;
}

export type BackupOutcome = { given: LockSide[]; missing: LockSide[] };

export const isStayRequest = (request: Party.Request) =>
  new URL(request.url).searchParams.get("channel") === STAY_CHANNEL_QUERY.channel;

export class StayChannel {
  private door: DoorState | null = null;
  /** Stay sockets by connection id: false until the stay token checked out. */
  private readonly sockets = new Map<string, boolean>();
  private backupsRunning: Promise<void> | null = null;
  /** Bumped per announcement, so a slower earlier one (it reads manual codes) never overwrites a newer one. */
  private announced = 0;
  /** Where now fell against the stay window at the last announcement, for manual codes. */
  private lastPhase: string | null = null;

  constructor(private readonly deps: StayChannelDeps) {}

  async load(): Promise<DoorState> {
    this.door ??= (await this.deps.room().storage.get<DoorState>(DOOR_KEY)) ?? initialDoorState();
    return this.door;
  }

  private async save(door: DoorState) {
    // Persist before anyone hears of it.
    await this.deps.room().storage.put(DOOR_KEY, door);
    this.door = door;
    this.announceStay();
    this.deps.boardChanged();
  }

  /** Connections the wizard's broadcasts must skip. */
  stayConnectionIds(): string[] {
    return [...this.sockets.keys()];
  }

  isStaySocket(connection: Party.Connection) {
    return this.sockets.has(connection.id);
  }

  onConnect(connection: Party.Connection) {
    // Nothing is said until the token arrives in the first message.
    this.sockets.set(connection.id, false);
  }

  onClose(connection: Party.Connection) {
    this.sockets.delete(connection.id);
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, connection: Party.Connection) {
    const frame = parseFrame(raw, stayClientMessage);
    if (!frame.ok) return send(connection, { type: "error", code: frame.code, message: frame.message });
    const state = this.deps.stored();
    if (frame.message.type === "hello") {
      if (!state?.stayToken || !tokensEqual(frame.message.stayToken, state.stayToken)) {
        send(connection, { type: "error", code: "not_found", message: "This stay link is not valid." });
        connection.close(STAY_REFUSED_CLOSE, "stay token refused");
        this.sockets.delete(connection.id);
        return;
      }
      this.sockets.set(connection.id, true);
      const door = await this.load();
      const manual = await this.manualCodes(state).catch((err) => {
        console.warn(`[stay] manual codes not read: ${loggableError(err)}`);
        return withheldManualCodes(state);
      });
      return send(connection, { type: "stay", stay: viewOf(state, door, manual) });
    }
    if (!this.sockets.get(connection.id) || !state) {
      return send(connection, { type: "error", code: "out_of_order", message: "Say hello with the stay token first." });
    }
    await this.reportTrouble(state);
  }

  /** Sends the page's current view to every stay socket that proved its token. Call it after any change it shows. */
  announceStay(): Promise<void> {
    const state = this.deps.stored();
    const door = this.door;
    if (!state || !door) return this.load().then(() => (this.door ? this.announceStay() : undefined));
    const turn = ++this.announced;
    this.lastPhase = manualCodePhase(windowOf(state), Date.now());
    return this.manualCodes(state).then(
      (manual) => {
        if (turn !== this.announced) return;
        const message = JSON.stringify({ type: "stay", stay: viewOf(state, door, manual) } satisfies StayServerMessage);
        for (const [id, authed] of this.sockets) if (authed) this.deps.room().getConnection(id)?.send(message);
      },
      (err) => console.warn(`[stay] manual codes not read: ${loggableError(err)}`),
    );
  }

  /** The stay's manual codes as its window allows now; no query when neither lock is manual. */
  private async manualCodes(state: CheckinState): Promise<ManualCodes> {
    if (manualSides(state.locks).length === 0) return NO_MANUAL_CODES;
    if (state.cancelled) return withheldManualCodes(state);
    const env = this.deps.env();
    return manualCodesForStay(
      database(env),
      env.SESSION_SECRET,
      state.reservation.propertyId,
      state.locks,
      windowOf(state),
      Date.now(),
    );
  }

  /** From the alarm: the stay window opened or closed since the page was last told, so a manual code appears or goes. */
  async announceIfPhaseTurned(now: number) {
    const state = this.deps.stored();
    if (!state || manualSides(state.locks).length === 0) return;
    if (manualCodePhase(windowOf(state), now) !== this.lastPhase) await this.announceStay();
  }

  private async reportTrouble(state: CheckinState) {
    const now = Date.now();
    const door = await this.load();
    if (door.trouble && now - door.trouble.reportedAt < REPORT_COLLAPSE_MS) {
      this.announceStay();
      return;
    }
    await this.save(reportTrouble(door, now));
    await this.log(state, { kind: "reported", actor: "guest", at: now });
  }

  /** After any change to the session: a lock that refused the code for good gets a backup; the page hears. */
  async afterChange(before: CheckinState, after: CheckinState) {
    // The window comes from the reservation: a booking moved on the desk shows up at once.
    const moved = before.reservation !== after.reservation || before.locks !== after.locks;
    if (moved || before.lockCodes !== after.lockCodes || before.pin !== after.pin) this.announceStay();
    if (sidesFailed(after.lockCodes, await this.load()).length > 0) await this.ensureBackups("auto");
  }

  /** Staff issued a new code: the board's alert for the guest's report ends, and the door's history says so. */
  async newCodeIssued() {
    await this.save(newCodeIssued(await this.load(), Date.now()));
  }

  /** When the alarm must come back: the arrival check, or a manual code's window opening or closing. */
  wakeAt(state: CheckinState, now: number): number | null {
    const phase =
      manualSides(state.locks).length > 0 && !state.cancelled ? nextPhaseChange(windowOf(state), now) : null;
    // Not loaded yet counts as not checked: an early wake finds the stored answer and sleeps again.
    const door = this.door;
    const due = door ? arrivalCheckAt(door, arrivalOf(state)) : arrivalOf(state);
    const arrival = door?.arrivalChecked || !state.lockCodes ? null : due;
    if (phase === null || arrival === null) return phase ?? arrival;
    return Math.min(phase, arrival);
  }

  /** From the alarm: at arrival, a lock that is offline with the code unconfirmed gets a backup. */
  async checkArrival(now: number) {
    const state = this.deps.stored();
    const door = await this.load();
    if (!state || !arrivalCheckDue(door, state.lockCodes, arrivalOf(state), now) || !state.lockCodes) return;
    const online: Record<LockSide, boolean | null> = { frontDoor: null, room: null };
    // A manual lock has no service to ask, and its code is on it already.
    for (const side of smartSides(state.locks)) {
      if (!state.lockCodes[side]) continue;
      try {
        online[side] = (await this.deps.provider().getDevice(lockIdOf(state, side))).online;
      } catch (err) {
        console.warn(`[stay] could not read a lock at arrival: ${loggableError(err)}`);
        // Nothing the guest or the desk sees changed: stored for the alarm, not announced.
        const retry = arrivalCheckFailed(door, now);
        await this.deps.room().storage.put(DOOR_KEY, retry);
        this.door = retry;
        return;
      }
    }
    const offline = sidesOfflineAtArrival(state.lockCodes, online, door);
    await this.save(arrivalChecked(door, offline, now));
    if (offline.length > 0) await this.ensureBackups("auto", offline);
  }

  /**
   * Gives a backup code for each lock that needs one (failed locks; or the named sides;
   * staff: every lock the code was sent to). One run at a time, so a webhook and the
   * alarm racing never claim two codes for one lock.
   */
  async ensureBackups(by: "auto" | "staff", sides?: readonly LockSide[], staffId?: string): Promise<BackupOutcome> {
    const outcome: BackupOutcome = { given: [], missing: [] };
    while (this.backupsRunning) await this.backupsRunning;
    const run = this.giveBackups(by, outcome, sides, staffId);
    this.backupsRunning = run.finally(() => {
      this.backupsRunning = null;
    });
    await this.backupsRunning;
    return outcome;
  }

  private async giveBackups(
    by: "auto" | "staff",
    outcome: BackupOutcome,
    only: readonly LockSide[] | undefined,
    staffId: string | undefined,
  ) {
    const state = this.deps.stored();
    if (!state) return;
    let door = await this.load();
    const wanted = only ?? (by === "staff" ? SIDES : sidesFailed(state.lockCodes, door));
    for (const side of wanted) {
      if (door.backups[side]) {
        outcome.given.push(side);
        continue;
      }
      const lockId = lockIdOf(state, side);
      const fromLock = await this.pullFromLock(state, side, lockId);
      const source = fromLock === null ? "pool" : "seam";
      const code = fromLock ?? (await this.claim(state, lockId));
      const now = Date.now();
      door = code === null ? noBackupLeft(door, side, now) : giveBackup(door, side, { code, source, by, at: now });
      await this.save(door);
      (code === null ? outcome.missing : outcome.given).push(side);
      await this.log(state, {
        kind: code === null ? "no-backup" : "backup-issued",
        actor: by,
        lockId,
        at: now,
        staffId: staffId ?? null,
      });
    }
  }

  /**
   * A backup from the lock's own pool, where the lock keeps one: it is on the lock already,
   * so it works even while the lock is offline, and asking twice gives the same code. Null
   * sends the caller to the manager-filled pool (no pool on this lock, or none left).
   */
  private async pullFromLock(state: CheckinState, side: LockSide, lockId: string): Promise<string | null> {
    const pinId = side === "frontDoor" ? state.pin.frontDoorPinId : state.pin.roomPinId;
    const provider = this.deps.provider();
    if (!pinId || !provider.pullBackupCode || state.pin.manual) return null;
    try {
      if (!(await provider.getDevice(lockId)).supportsBackupPool) return null;
      return (await provider.pullBackupCode(pinId)).code;
    } catch (err) {
      console.warn(`[stay] no backup from the lock's own pool: ${loggableError(err)}`);
      return null;
    }
  }

  private async claim(state: CheckinState, lockId: string): Promise<string | null> {
    const env = this.deps.env();
    const cipher = await claimBackupCode(database(env), {
      propertyId: state.reservation.propertyId,
      lockId,
      sessionId: state.sessionId,
      now: Date.now(),
    });
    return cipher === null ? null : openCode(env.SESSION_SECRET, cipher);
  }

  private async log(
    state: CheckinState,
    row: {
      kind: "reported" | "backup-issued" | "no-backup";
      actor: "guest" | "auto" | "staff";
      at: number;
      lockId?: string;
      staffId?: string | null;
    },
  ) {
    try {
      await recordDoorTrouble(database(this.deps.env(), "background"), {
        propertyId: state.reservation.propertyId,
        sessionId: state.sessionId,
        bookingRef: state.reservation.bookingRef,
        lockId: row.lockId ?? null,
        staffId: row.staffId ?? null,
        kind: row.kind,
        actor: row.actor,
        at: row.at,
      });
    } catch (err) {
      console.warn(`[stay] door trouble not recorded: ${loggableError(err)}`);
    }
  }

  /** The board's copy of the session, with the door's alert data and a version that moves with either. */
  async boardSession(session: BoardSession, state: CheckinState): Promise<BoardSession> {
    if (!state.lockCodes && !this.door?.revision) return session;
    const door = await this.load();
    return { ...session, version: session.version + door.revision, door: boardDoorOf(state, door, this.deps.env()) };
  }
}

function send(connection: Party.Connection, message: StayServerMessage) {
  connection.send(JSON.stringify(message));
}

/** Compares every character, so the time taken says nothing about how much of a guess was right. */
function tokensEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const lockIdOf = (state: CheckinState, side: LockSide) =>
  side === "frontDoor" ? state.locks.frontDoorLockId : state.locks.roomLockId;

const windowOf = (state: CheckinState) => pinWindow({ ...state.reservation, ...state.locks });
const arrivalOf = (state: CheckinState) => windowOf(state).startsAt;

function locksOf(state: CheckinState) {
  return { frontDoor: state.lockCodes?.frontDoor?.state ?? null, room: state.lockCodes?.room?.state ?? null };
}

/** A cancelled stay, or manual codes that could not be read: when, never what. */
function withheldManualCodes(state: CheckinState): ManualCodes {
  const phase = state.cancelled ? "after" : manualCodePhase(windowOf(state), Date.now());
  const manual = manualSides(state.locks);
  const view = (side: LockSide) => (manual.includes(side) ? { phase, code: null } : null);
  return { frontDoor: view("frontDoor"), room: view("room") };
}

export function viewOf(state: CheckinState, door: DoorState, manual: ManualCodes): StayView {
  const window = windowOf(state);
  const locks = locksOf(state);
  return {
    // The session's own code opens only the smart locks; with none it opens nothing.
    code: smartSides(state.locks).length > 0 ? state.pin.code : null,
    manual,
    validFrom: window.localStart,
    validUntil: window.localEnd,
    locks,
    ready: codeReady(locks),
    backups: { frontDoor: door.backups.frontDoor?.code ?? null, room: door.backups.room?.code ?? null },
    trouble: door.trouble ? { reportedAt: door.trouble.reportedAt } : null,
  };
}

function boardDoorOf(state: CheckinState, door: DoorState, env: RuntimeEnv): BoardDoor {
  const arrivalAt = arrivalOf(state);
  const lockEvents = SIDES.flatMap((side) => {
    const status = state.lockCodes?.[side];
    return status ? [{ at: status.at, text: `${SIDE_WORDS[side]}: ${lockStateWords(status.state)}` }] : [];
  });
  return {
    arrivalAt,
    confirmBy: arrivalAt + env.LOCK_CONFIRM_ALERT_MINUTES * 60_000,
    trouble: door.trouble,
    backups: { frontDoor: door.backups.frontDoor !== null, room: door.backups.room !== null },
    noBackup: door.noBackup,
    events: [...door.events, ...lockEvents].sort((a, b) => a.at - b.at).slice(-8),
  };
}
