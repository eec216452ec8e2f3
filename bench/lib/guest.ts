// One simulated guest doing the whole check-in: lookup, details, parking, (PINs),
// confirm, stay page. It reacts to the session's `state` messages rather than to a
// script, so after a reconnect it simply carries on from whatever step the server
// says it is at. Each round trip is timed from send to the first state that reflects
// it; a sample that spans a reconnect is dropped, because it measures the outage.
import type { PublicSessionState } from "../../domain/checkin-types";
import { lookup, retrying, stay } from "./http";
import type { Semaphore } from "./pool";
import { BenchSocket } from "./socket";

export type TimedStep = "lookup" | "connect" | "details" | "parking" | "confirm" | "stayToken" | "stay";
/** Steps the front desk board shows as a change, with the time the guest's device learned of it. */
export type BoardStep = "parking" | "confirm" | "completed";

export interface GuestResult {
  bookingRef: string;
  /** Every session the guest used; more than one only when one was lost. */
  sessionIds: string[];
  ok: boolean;
  error?: string;
  /** Round trips in ms (performance.now() deltas). */
  ms: Partial<Record<TimedStep, number>>;
  /** From the parking answer to the PIN being ready: waiting on the lock vendor, not a round trip. */
  pinWaitMs?: number;
  /** Highest PIN attempt count the session reported: more than 1 means the lock calls were retried. */
  pinAttempts: number;
  /** Epoch ms (fractional) the first state with ready PINs arrived. */
  pinReadyAtEpoch?: number;
  /** performance.now() the guest's device first saw each board step. */
  stepSeenAt: Partial<Record<BoardStep, number>>;
  startedAt: number;
  finishedAt?: number;
  reconnects: number;
  httpRetries: number;
  /** Sessions the server no longer knew (4404 after a restart). */
  sessionsLost: number;
}

export interface GuestContext {
  baseUrl: string;
  wsBase: string;
  /** Lookups and socket openings share this gate, so arrivals ramp instead of bursting. */
  openGate: Semaphore;
  /** performance.now() by which the guest must be done. */
  deadline: number;
  /** Restart scenario: reconnect, retry HTTP, start again if the session was lost. */
  tolerateRestarts: boolean;
  onStepSeen?(sessionId: string, step: BoardStep, at: number): void;
}

const PHONE = "07700 900123";

export async function runGuest(bookingRef: string, index: number, ctx: GuestContext): Promise<GuestResult> {
  const r: GuestResult = {
    bookingRef,
    sessionIds: [],
    ok: false,
    ms: {},
    pinAttempts: 0,
    stepSeenAt: {},
    startedAt: performance.now(),
    reconnects: 0,
    httpRetries: 0,
    sessionsLost: 0,
  };
  // Every guest is a different phone on a different network, as in production.
  const ip = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const http = async <T>(task: () => Promise<T>): Promise<T> => {
    if (!ctx.tolerateRestarts) return task();
    const { value, retries } = await retrying(ctx.deadline, task);
    r.httpRetries += retries;
    return value;
  };
  let phase = "start";
  try {
    let token: string | null = null;
    while (token === null) {
      const opened = await ctx.openGate.run(async (): Promise<{ token: string } | { session: GuestSession }> => {
        const t0 = performance.now();
        phase = "lookup";
        const found = await http(() => lookup(ctx.baseUrl, bookingRef, ip));
        r.ms.lookup ??= performance.now() - t0;
        // Only after a restart: an earlier session of ours completed but we never heard. Its
        // room still holds the completed state, stay token included, as it would on the phone.
        const lastSession = r.sessionIds.at(-1);
        if (found.kind === "checked-in" && !lastSession) throw new Error("lookup: checked in by someone else");
        if (found.kind === "not-found") throw new Error(`lookup: ${found.kind}`);
        const sessionId = found.kind === "session" ? found.sessionId : lastSession!;
        if (r.sessionIds.at(-1) !== sessionId) r.sessionIds.push(sessionId);
        phase = "session";
        const session = new GuestSession(sessionId, r, ctx, index);
        await session.connect();
        return { session };
      });
      if ("token" in opened) token = opened.token;
      else {
        const outcome = await opened.session.done;
        if (outcome === "lost") {
          r.sessionsLost++;
          if (!ctx.tolerateRestarts) throw new Error("session lost");
        } else token = outcome.token;
      }
    }
    const t0 = performance.now();
    phase = "stay";
    await http(() => stay(ctx.baseUrl, token!));
    r.ms.stay = performance.now() - t0;
    r.ok = true;
  } catch (err) {
    const text = describe(err);
    r.error = text.startsWith(`${phase}:`) || phase === "session" ? text : `${phase}: ${text}`;
  }
  r.finishedAt = performance.now();
  return r;
}

/** undici's "fetch failed" hides the reason in `cause`. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${err.message} (${cause.code ?? cause.message})` : err.message;
}

type Outcome = { token: string } | "lost";
type Action = "details" | "parking" | "confirm";

class GuestSession {
  readonly done: Promise<Outcome>;
  private settle!: (o: Outcome) => void;
  private fail!: (err: Error) => void;
  private socket: BenchSocket;
  /** Bumped on every (re)open; a round trip counts only if sent and answered on one connection. */
  private generation = 0;
  private sentThisConnection = new Set<Action>();
  private pending = new Map<Action, { at: number; generation: number }>();
  private connectStartedAt = 0;
  private firstState = true;
  private parkingAnsweredAt?: number;
  private finished = false;
  private timer: NodeJS.Timeout;
  private lastStep = "none";

  constructor(
    private readonly sessionId: string,
    private readonly r: GuestResult,
    private readonly ctx: GuestContext,
    private readonly index: number,
  ) {
    this.done = new Promise<Outcome>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
    // Awaited only after connect(); keep an early failure from being "unhandled" meanwhile.
    this.done.catch(() => {});
    this.socket = new BenchSocket(
      `${ctx.wsBase}/parties/checkin/${sessionId}`,
      {
        onOpen: () => {
          this.generation++;
          this.sentThisConnection.clear();
        },
        onMessage: (text, at) => this.onMessage(text, at),
        onFatal: (reason, code) =>
          code === 4404 && ctx.tolerateRestarts
            ? this.finish("lost")
            : this.finish(new Error(`socket at step ${this.lastStep}: ${reason}`)),
      },
      { reconnect: ctx.tolerateRestarts, deadline: ctx.deadline, fatalCodes: [4404] },
    );
    this.timer = setTimeout(
      () => this.finish(new Error(`timed out at step ${this.lastStep}`)),
      Math.max(0, ctx.deadline - performance.now()),
    );
  }

  async connect() {
    this.connectStartedAt = performance.now();
    await this.socket.open();
  }

  private finish(outcome: Outcome | Error) {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.timer);
    this.r.reconnects += this.socket.reconnects;
    this.socket.close();
    if (outcome instanceof Error) this.fail(outcome);
    else this.settle(outcome);
  }

  private onMessage(text: string, at: number) {
    if (this.finished) return;
    let msg: { type: string; state?: PublicSessionState; code?: string; message?: string };
    try {
      msg = JSON.parse(text);
    } catch {
      return this.finish(new Error(`non-JSON frame: ${text.slice(0, 100)}`));
    }
    switch (msg.type) {
      case "state":
        return this.onState(msg.state!, at);
      case "error":
        return this.finish(new Error(`server refused a message at step ${this.lastStep}: ${msg.code} ${msg.message}`));
    }
  }

  private answered(action: Action, at: number) {
    const p = this.pending.get(action);
    if (!p) return;
    this.pending.delete(action);
    if (p.generation === this.generation) this.r.ms[action] ??= at - p.at;
  }

  private onState(s: PublicSessionState, at: number) {
    if (this.firstState) {
      this.firstState = false;
      this.r.ms.connect ??= at - this.connectStartedAt;
    }
    this.lastStep = `${s.step}/pin ${s.pin.status}${s.confirmPending ? "/confirm pending" : ""}`;
    this.r.pinAttempts = Math.max(this.r.pinAttempts, s.pin.attempts);
    if (s.pin.status === "ready") this.r.pinReadyAtEpoch ??= performance.timeOrigin + at;
    if (s.step === "parking" || s.step === "confirm" || s.step === "completed") {
      if (this.r.stepSeenAt[s.step] === undefined) {
        this.r.stepSeenAt[s.step] = at;
        this.ctx.onStepSeen?.(this.sessionId, s.step, at);
      }
    }
    if (s.step !== "details") this.answered("details", at);
    if (s.step === "confirm" || s.step === "completed") {
      this.answered("parking", at);
      this.parkingAnsweredAt ??= at;
    }
    if (s.confirmPending || s.step === "completed") this.answered("confirm", at);
    if (s.pin.status === "ready" && this.parkingAnsweredAt !== undefined && this.r.pinWaitMs === undefined) {
      this.r.pinWaitMs = Math.max(0, at - this.parkingAnsweredAt);
    }

    if (s.step === "completed") {
      const sent = this.confirmSentAt;
      if (sent && sent.generation === this.generation) this.r.ms.stayToken ??= at - sent.at;
      return this.finish({ token: s.stayToken! });
    }
    if (s.step === "error" || s.step === "expired")
      return this.finish(new Error(`session ended in ${s.step}: ${s.error}`));
    if (s.pin.status === "failed") return this.finish(new Error(`PINs failed: ${s.pin.error}`));

    const action: Action | null =
      s.step === "details"
        ? "details"
        : s.step === "parking"
          ? "parking"
          : s.step === "confirm" && !s.confirmPending && s.pin.status === "ready"
            ? "confirm"
            : null;
    if (action && !this.sentThisConnection.has(action)) this.send(action);
  }

  private confirmSentAt?: { at: number; generation: number };

  private send(action: Action) {
    const message =
      action === "details"
        ? {
            type: "details",
            details: { fullName: `Bench Guest ${this.index}`, phone: PHONE, email: `guest${this.index}@bench.test` },
          }
        : action === "parking"
          ? {
              type: "parking",
              parking: this.index % 2 ? { hasCar: true, registration: "AB12 CDE" } : { hasCar: false },
            }
          : { type: "confirm" };
    const at = performance.now();
    if (!this.socket.send(JSON.stringify(message))) return;
    this.sentThisConnection.add(action);
    this.pending.set(action, { at, generation: this.generation });
    if (action === "confirm") this.confirmSentAt ??= { at, generation: this.generation };
  }
}
