// One room per check-in session. It owns the session's state: every change goes
// through the domain's `applyEvent`, is written to room storage, and only then is
// announced to the guest's devices, the front desk and the funnel row (those two in
// the background: a guest never waits for a dashboard or for analytics). Slow work
// (door PINs, PIN clean-up, finishing a confirmed check-in, abandonment) runs from the
// room's alarm, set from the domain's `roomWakeUp` and re-armed from storage whenever
// the room wakes, so a restart loses nothing.
import type * as Party from "partykit/server";
import { completeCheckin, syncFunnelRow } from "../../db/queries/checkin";
import { updateGuestStay } from "../../db/queries/guest-stay";
import {
  applyEvent,
  initialState,
  isExpired,
  isResumable,
  toPublicState,
  type CheckinState,
  type FlowEvent,
} from "../../domain/checkin-flow";
import { migrateStoredState } from "../../domain/checkin-state-migrations";
import { generatePin } from "../../domain/pin-code";
import { isRoomWipeDue, roomWakeUp } from "../../domain/room-retention";
import { takeToken, type Bucket } from "../../domain/token-bucket";
import { useEnglishZodMessages } from "../../shared/zod-locale";
import { clientMessage, type ServerMessage } from "../../shared/protocol/guest-socket";
import { checkinCommand } from "../../shared/protocol/internal";
import { database } from "../database";
import { runtimeEnv, type RuntimeEnv } from "../env";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import { loggableError } from "../log-safe";
import { isInternal } from "../internal-auth";
import { lockProvider } from "../locks";
import { newStayToken, randomId, randomUint32 } from "../random";
import { SnapshotSync } from "../snapshot-sync";
import { isSameOriginRequest } from "../same-origin";
import { parseFrame } from "../ws-message";
import { FrontdeskClient } from "./frontdesk-client";
import { bookingChangeEvent } from "./booking-change-command";
import { followDue, runFollow } from "./follow-task";
import { guestStayOf, toBoardSession, toFunnelRow, toGuestRow } from "./projections";
import { checkinCompletedStored, recordCheckinFailed } from "./webhook-events";
import { applyLockEvent, codesConfirmedAt, LOCK_EVENT_PATH, lockPollDue, pollLockCodes } from "./lock-tracking";
import { recordCodesConfirmed } from "../../db/queries/message-outbox";
import { wakeJobs } from "../jobs/wake";
import { deleteQueuedPins, runPinAttempt, type PinTaskDeps } from "./pin-task";
import { DOOR_COMMAND_PATH, doorCommand } from "./stay-command";
import { isStayRequest, MANUAL_CODE_PATH, StayChannel } from "./stay-channel";

useEnglishZodMessages();

const STATE_KEY = "state";
const MESSAGES_PER_WINDOW = 30;
const MESSAGE_WINDOW_MS = 10_000;
/**
 * One budget for the whole room: reconnecting gets a fresh per-connection bucket, not
 * more of this one. Two busy devices fit; a loop over many sockets does not.
 */
export const ROOM_MESSAGES_PER_WINDOW = 60;
/** A guest's phone and laptop with a few tabs each; more is a script holding sockets open. */
export const MAX_CONNECTIONS_PER_SESSION = 8;
export const TOO_MANY_CONNECTIONS_CLOSE = 4429;
const ENDED_MESSAGE = "This check-in session does not exist. Start again with your booking reference.";

export default class CheckinRoom implements Party.Server {
  private state: CheckinState | null = null;
  /** The newest state known to be in room storage: the only one told to anyone outside the room. */
  private stored: CheckinState | null = null;
  private completing: Promise<void> | null = null;
  /** True while the alarm handler runs: `room.id` and `room.context.parties` are off limits then. */
  private inAlarm = false;
  private pinAttemptRunning = false;
  private followRunning = false;
  /** When the alarm is set for, as far as this process knows (undefined: not known yet). */
  private armedAt: number | null | undefined = undefined;
  private readonly messageBuckets = new Map<string, Bucket>();
  private roomBucket: Bucket | undefined;

  private readonly frontdesk = new FrontdeskClient({ env: () => this.env, parties: () => this.partiesBinding() });
  private readonly board = new SnapshotSync(() => this.sendToBoard(), {
    retryDelaysMs: [100, 500, 2_000],
    onGiveUp: (err) => console.warn(`[checkin] the front desk missed an update: ${loggableError(err)}`),
  });
  private readonly funnel = new SnapshotSync(() => this.writeFunnelRow(), {
    retryDelaysMs: [250, 1_000, 4_000],
    // The row only moves forward, so the session's next change writes what this one missed.
    onGiveUp: (err) => console.warn(`[checkin] funnel update failed: ${loggableError(err)}`),
  });

  /** The stay page's sockets, backup codes and door trouble; `announceStay()` is the one way to update the page. */
  readonly stay = new StayChannel({
    room: () => this.room,
    env: () => this.env,
    stored: () => this.stored,
    provider: () => lockProvider(this.env),
    boardChanged: () => this.board.changed(),
  });

  constructor(readonly room: Party.Room) {}

  private get env(): RuntimeEnv {
    return runtimeEnv(this.room.env);
  }

  private get expiryMs(): number {
    return this.env.SESSION_EXPIRY_MINUTES * 60_000;
  }

  private get retentionMs(): number {
    return this.env.ROOM_RETENTION_MINUTES * 60_000;
  }

  async onStart() {
    this.state = await this.load();
    this.stored = this.state;
    if (!this.state) return;
    await this.stay.load();
    // Whatever the room was sending when it stopped may not have arrived.
    this.board.changed();
    this.funnel.changed();
    // A cold start may follow a crash mid-attempt, and partykit dev can drop alarms on
    // reload: take up an interrupted PIN run now and re-arm from what was stored.
    if (this.state.pin.status === "creating" || this.state.follow?.nextAttemptAt != null)
      await this.dispatch({ type: "resumed", now: Date.now() });
    await this.armAlarm();
  }

  // ---------------------------------------------------------------- websocket

  onClose(connection: Party.Connection) {
    this.messageBuckets.delete(connection.id);
    this.stay.onClose(connection);
  }

  /** A guest's socket comes from our own pages; a page elsewhere cannot drive someone's check-in. */
  static onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    const env = runtimeEnv(lobby.env);
    const request = req as unknown as Request;
    if (isInternal(request, env.INTERNAL_SECRET) || isSameOriginRequest(request, env.SELF_URL)) return req;
    return new Response("Cross-origin socket refused", { status: 403 });
  }

  onConnect(connection: Party.Connection, context: Party.ConnectionContext) {
    if ([...this.room.getConnections()].length > MAX_CONNECTIONS_PER_SESSION) {
      const message = "Too many open windows on this check-in. Close some and reload.";
      this.sendTo(connection, { type: "error", code: "rate_limited", message });
      connection.close(TOO_MANY_CONNECTIONS_CLOSE, "too many connections");
      return;
    }
    if (!this.state) {
      this.sendTo(connection, {
        type: "error",
        code: "not_found",
        message: ENDED_MESSAGE,
      });
      connection.close(4404, "unknown session");
      return;
    }
    if (isStayRequest(context.request)) return this.stay.onConnect(connection);
    this.sendTo(connection, { type: "state", state: toPublicState(this.state) });
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    // A person filling in a form sends a few messages a minute; a loop sending thousands is cut off here.
    const now = Date.now();
    const take = takeToken(this.messageBuckets.get(sender.id), MESSAGES_PER_WINDOW, MESSAGE_WINDOW_MS, now);
    this.messageBuckets.set(sender.id, take.bucket);
    // The room's budget is spent only when the connection's own allows, so one noisy socket cannot use up the others'.
    const limit = take.allowed ? takeToken(this.roomBucket, ROOM_MESSAGES_PER_WINDOW, MESSAGE_WINDOW_MS, now) : take;
    if (take.allowed) this.roomBucket = limit.bucket;
    if (!limit.allowed) {
      const message = `Too many messages. Try again in ${Math.ceil(limit.retryAfterMs / 1000)} seconds.`;
      return this.sendTo(sender, { type: "error", code: "rate_limited", message });
    }
    if (this.stay.isStaySocket(sender)) return this.stay.onMessage(raw, sender);
    const frame = parseFrame(raw, clientMessage);
    if (!frame.ok) return this.sendTo(sender, { type: "error", code: frame.code, message: frame.message });
    if (!this.state)
      return this.sendTo(sender, {
        type: "error",
        code: "not_found",
        message: "This check-in session does not exist.",
      });
    const msg = frame.message;
    const event: FlowEvent =
      msg.type === "details"
        ? { type: "details", details: msg.details }
        : msg.type === "parking"
          ? { type: "parking", parking: msg.parking }
          : msg.type === "edit"
            ? { type: "edit", step: msg.step }
            : msg.type === "language"
              ? { type: "language", language: msg.language }
              : { type: "confirm" };
    await this.dispatch(event, sender);
  }

  // ---------------------------------------------------------------- HTTP

  async onRequest(req: Party.Request): Promise<Response> {
    const request = req as unknown as Request;
    if (request.method !== "POST") return apiErrorResponse(405, "method_not_allowed", "Method not allowed");
    if (!isInternal(request, this.env.INTERNAL_SECRET)) return apiErrorResponse(403, "forbidden", "Not allowed");
    if (new URL(request.url).pathname.endsWith(DOOR_COMMAND_PATH)) {
      return this.state
        ? doorCommand(request, this.stay, () => this.issueNewCode())
        : apiErrorResponse(404, "not_found", "No such session");
    }
    if (new URL(request.url).pathname.endsWith(MANUAL_CODE_PATH)) {
      if (!this.state) return apiErrorResponse(404, "not_found", "No such session");
      await this.stay.announceStay();
      return json({ announced: true });
    }
    if (new URL(request.url).pathname.endsWith(LOCK_EVENT_PATH)) {
      return this.state
        ? applyLockEvent(request, this.pinTaskDeps())
        : apiErrorResponse(404, "not_found", "No such session");
    }

    const body = await readJsonBody(request, checkinCommand);
    if (!body.ok) return body.response;
    const command = body.value;

    if (command.type === "init") {
      if (this.state) return apiErrorResponse(409, "exists", "Session already exists");
      const now = Date.now();
      const state = initialState(command, generatePin(randomUint32), now);
      this.state = state;
      await this.room.storage.put(STATE_KEY, state);
      this.stored = state;
      await this.armAlarm();
      this.board.changed();
      this.funnel.changed();
      return json(toPublicState(state), 201);
    }

    if (command.type === "wipe") return this.wipeNow();
    if (!this.state) return apiErrorResponse(404, "not_found", "No such session");
    if (command.type === "supersede") return this.supersede(command.onlyIfEnded);
    const outcome = await this.dispatch(
      command.type === "retry-pins"
        ? { type: "retry-pins", now: Date.now() }
        : command.type === "manual-pin"
          ? { type: "manual-pin", pin: command.pin }
          : bookingChangeEvent(command),
    );
    if (!outcome.ok) return apiErrorResponse(409, outcome.code, outcome.message);
    return json(toPublicState(this.state));
  }

  /**
   * Staff give the guest new digits: persisted first, so the alarm removes the old code and
   * makes the new one on every lock even after a crash, then the door's alert is answered.
   */
  private async issueNewCode(): Promise<Response> {
    const outcome = await this.dispatch({ type: "new-code", code: generatePin(randomUint32) });
    if (!outcome.ok) return apiErrorResponse(409, outcome.code, outcome.message);
    await this.stay.newCodeIssued();
    await this.armAlarm();
    return json({ issued: true });
  }

  /**
   * A booking has one live session: a second lookup joins a live one and replaces an ended
   * or failed one, whose codes are deleted here rather than left on the locks. A completed
   * session's codes are the guest's key and are never touched.
   */
  private async supersede(onlyIfEnded: boolean): Promise<Response> {
    const state = this.state!;
    if (onlyIfEnded && isResumable(state, this.expiryMs, Date.now())) return json({ superseded: false });
    if (state.step !== "completed") await this.dispatch({ type: "superseded" });
    if (this.state!.pinsToDelete.length > 0) await deleteQueuedPins(this.pinTaskDeps());
    await this.armAlarm();
    return json({ superseded: true });
  }

  // ---------------------------------------------------------------- alarm

  async onAlarm() {
    this.inAlarm = true;
    try {
      this.state ??= await this.load();
      this.stored ??= this.state;
      if (!this.state) return;
      await this.stay.load();
      const now = Date.now();
      if (isRoomWipeDue(this.state, this.retentionMs, now)) return await this.wipe();
      if (this.state.pinsToDelete.length > 0 && (this.state.cleanupRetryAt ?? 0) <= now) {
        await deleteQueuedPins(this.pinTaskDeps());
      }
      if (isExpired(this.state, this.expiryMs, now)) {
        await this.dispatch({ type: "expired" });
        if (this.state.pinsToDelete.length > 0) await deleteQueuedPins(this.pinTaskDeps());
      } else if (
        this.state.pin.status === "creating" &&
        (this.state.pin.nextAttemptAt ?? Infinity) <= now &&
        !this.pinAttemptRunning
      ) {
        this.pinAttemptRunning = true;
        try {
          await runPinAttempt(this.pinTaskDeps());
        } finally {
          this.pinAttemptRunning = false;
        }
      }
      if (this.state.confirmPending && this.state.pin.status === "ready") await this.complete();
      if (followDue(this.state, Date.now()) && !this.followRunning) {
        this.followRunning = true;
        try {
          await runFollow({ ...this.pinTaskDeps(), syncGuestRow: (s) => this.syncGuestRow(s) });
        } finally {
          this.followRunning = false;
        }
      }
      if (lockPollDue(this.state, Date.now())) await pollLockCodes(this.pinTaskDeps());
      await this.stay.checkArrival(Date.now());
      await this.stay.announceIfPhaseTurned(Date.now());
    } finally {
      this.inAlarm = false;
      await this.armAlarm();
      // Keep the alarm's invocation open until what it changed has reached the board and the funnel.
      await Promise.all([this.board.settled(), this.funnel.settled()]);
    }
  }

  private pinTaskDeps(): PinTaskDeps {
    return {
      current: () => this.state!,
      dispatch: async (event: FlowEvent) => (await this.dispatch(event)).ok,
      provider: lockProvider(this.env),
      policy: this.retryPolicy(),
      lockPollMs: this.env.LOCK_POLL_MS,
      now: Date.now,
      random: Math.random,
    };
  }

  private retryPolicy() {
    return {
      maxAttempts: this.env.PIN_MAX_ATTEMPTS,
      baseDelayMs: this.env.PIN_RETRY_BASE_MS,
      maxDelayMs: this.env.PIN_RETRY_MAX_MS,
    };
  }

  /** Sets the alarm to the domain's next wake-up, whatever it was set to before. */
  private async armAlarm() {
    if (!this.state) return;
    const now = Date.now();
    const at = this.wakeAt(now);
    if (at === null) await this.room.storage.deleteAlarm();
    else await this.room.storage.setAlarm(Math.max(now, at));
    this.armedAt = at;
  }

  /**
   * After a transition the alarm only has to move when something is now due sooner than
   * it is set for, or nothing is due at all. An alarm that fires early finds nothing due
   * and re-arms itself, so most transitions cost no alarm write.
   */
  private async rearmIfSooner() {
    const at = this.wakeAt(Date.now());
    const armed = this.armedAt;
    if (armed === undefined || (at === null ? armed !== null : armed === null || at < armed)) await this.armAlarm();
  }

  /** The domain's next wake-up, or the door's arrival check if that comes first. */
  private wakeAt(now: number): number | null {
    const times = [roomWakeUp(this.state!, this.expiryMs, this.retentionMs, now), this.stay.wakeAt(this.state!, now)];
    const due = times.filter((t): t is number => t !== null);
    return due.length === 0 ? null : Math.min(...due);
  }

  /**
   * The session is long over: nothing of it stays in the room (the database keeps the
   * record). Afterwards the room answers like one that never existed.
   */
  private async wipe() {
    await this.room.storage.deleteAll();
    await this.room.storage.deleteAlarm();
    this.state = null;
    this.stored = null;
    this.armedAt = null;
    this.frontdesk.close();
    for (const connection of this.room.getConnections()) {
      this.sendTo(connection, { type: "error", code: "not_found", message: ENDED_MESSAGE });
      connection.close(4404, "session ended");
    }
  }

  /** Erasure asked for now: a live session ends first, and its codes leave the locks before the room forgets them. */
  private async wipeNow(): Promise<Response> {
    if (!this.state) return json({ ok: true });
    if (!isFinished(this.state)) await this.dispatch({ type: "expired" });
    if (this.state.pinsToDelete.length > 0) await deleteQueuedPins(this.pinTaskDeps());
    if (this.state.pinsToDelete.length > 0) {
      await this.armAlarm();
      return apiErrorResponse(409, "codes_pending", "The door codes could not be removed yet; the room retries.");
    }
    await this.wipe();
    return json({ ok: true });
  }

  private async load(): Promise<CheckinState | null> {
    const stored = await this.room.storage.get<unknown>(STATE_KEY);
    return stored === undefined ? null : migrateStoredState(stored);
  }

  // ---------------------------------------------------------------- transitions

  /**
   * The single path for changing state: decide (pure), persist, then announce, then
   * carry out effects. Rejections go only to the sender.
   */
  private async dispatch(event: FlowEvent, sender?: Party.Connection) {
    const before = this.state!;
    const result = applyEvent(before, event, Date.now());
    if (!result.ok) {
      if (sender)
        this.sendTo(sender, {
          type: "error",
          code: result.code,
          message: result.message,
          ...(result.fields ? { fields: result.fields } : {}),
        });
      return result;
    }
    this.state = result.state;
    await this.room.storage.put(STATE_KEY, result.state);
    this.stored = result.state;
    await this.rearmIfSooner();
    if (event.type === "pin-failed") await recordCheckinFailed(this.env, this.partiesBinding(), result.state);

    this.broadcast({ type: "state", state: toPublicState(result.state) });
    if (before.step !== "completed" && result.state.step === "completed" && result.state.stayToken) {
      this.broadcast({ type: "completed", stayToken: result.state.stayToken });
    }
    if (isBoardVisible(event)) this.board.changed();
    // Completion needs no sync of its own: the guest write completes the row, inserting it if need be.
    const funnelMoved = result.state.stepReached !== before.stepReached || result.state.language !== before.language;
    if (funnelMoved) this.funnel.changed();

    for (const effect of result.effects) {
      if (effect.kind === "complete") await this.complete();
    }
    if (result.state.step === "completed" && (event.type === "completed" || event.type === "lock-codes-observed")) {
      await this.tellMessages(result.state, event.type === "completed");
    }
    await this.stay.afterChange(before, result.state);
    return result;
  }

  /** Writes the guest once; concurrent callers share the one write in flight. */
  private complete(): Promise<void> {
    this.completing ??= this.writeGuest().finally(() => {
      this.completing = null;
    });
    return this.completing;
  }

  private async writeGuest() {
    const s = this.state;
    if (!s?.confirmPending || s.pin.status !== "ready") return;
    const row = toGuestRow(s, { id: `guest_${randomId(12)}`, secureToken: newStayToken(), createdAt: Date.now() });
    if (!row) return;
    let outcome: Awaited<ReturnType<typeof completeCheckin>>;
    try {
      outcome = await completeCheckin(database(this.env), row);
    } catch (err) {
      // Still confirmPending: the alarm retries the same idempotent write shortly.
      console.error(`[checkin] saving the check-in failed, will retry: ${loggableError(err)}`);
      await this.armAlarm();
      return;
    }
    if (outcome.sessionId === s.sessionId) {
      await this.dispatch({ type: "completed", stayToken: outcome.secureToken });
      await checkinCompletedStored(this.env, this.partiesBinding(), s);
    } else {
      await this.dispatch({
        type: "lost-race",
        reason:
          "This booking has just been checked in on another device. Enter your booking reference again to open your stay.",
      });
    }
  }

  /**
   * The messages job sends the door code once the guest row exists, and says the code is
   * confirmed once both locks report it set (stored on the guest row, whichever came first).
   */
  private async tellMessages(state: CheckinState, completed: boolean) {
    const confirmedAt = codesConfirmedAt(state);
    let changed = completed;
    try {
      if (confirmedAt !== null)
        changed = (await recordCodesConfirmed(database(this.env), state.reservationId, confirmedAt)) || changed;
    } catch (err) {
      console.warn(`[checkin] could not record the confirmed codes: ${loggableError(err)}`);
    }
    if (changed) await wakeJobs(this.env, this.partiesBinding(), state.reservation.propertyId, "messages");
  }

  // ---------------------------------------------------------------- announcing

  private sendTo(connection: Party.Connection, message: ServerMessage) {
    connection.send(JSON.stringify(message));
  }

  /** To the wizard's sockets; the stay page's get their own `stay` messages. */
  private broadcast(message: ServerMessage) {
    this.room.broadcast(JSON.stringify(message), this.stay.stayConnectionIds());
  }

  private async sendToBoard() {
    const state = this.stored;
    if (!state) return;
    await this.frontdesk.send(await this.stay.boardSession(toBoardSession(state), state), state.reservation.propertyId);
    if (state.step === "completed" || state.step === "expired") this.frontdesk.close();
  }

  private partiesBinding(): Party.Context["parties"] | null {
    if (this.inAlarm) return null;
    try {
      return this.room.context.parties;
    } catch {
      return null;
    }
  }

  private async syncGuestRow(state: CheckinState) {
    await updateGuestStay(database(this.env), state.sessionId, guestStayOf(state));
    // New digits or a new window: the messages job sends the door code again.
    await wakeJobs(this.env, this.partiesBinding(), state.reservation.propertyId, "messages");
  }

  private async writeFunnelRow() {
    const state = this.stored;
    if (state) await syncFunnelRow(database(this.env, "background"), toFunnelRow(state));
  }
}

/**
 * Clean-up bookkeeping changes nothing staff can see, and an attempt starting only bumps
 * a counter that the attempt's outcome shows a moment later: one hop fewer per check-in.
 */
const BOARD_SILENT: ReadonlySet<FlowEvent["type"]> = new Set([
  "pin-deleted",
  "pin-cleanup-failed",
  "pin-progress",
  "pin-attempt-started",
]);

function isFinished(state: CheckinState): boolean {
  return state.step === "completed" || state.step === "expired";
}

function isBoardVisible(event: FlowEvent): boolean {
  return !BOARD_SILENT.has(event.type);
}
