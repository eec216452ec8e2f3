// One guest of the open-loop scenario: the whole check-in with a think time between
// steps, every step timed from when it was due rather than from when it was sent.
// The lookup is due at the guest's arrival; each later step is due one think time after
// the guest saw the previous step's answer (a person reads, then taps). So a slow answer
// delays the next step as it would a person, while any lag of this process (a late
// timer, a busy event loop) counts against the step it delayed.
import type { PublicSessionState } from "../../domain/checkin-types";
import { sleepUntil } from "./arrivals";
import type { BoardStep, TimedStep } from "./guest";
import { lookup, stay } from "./http";
import { BenchSocket } from "./socket";

export interface ScheduledGuestResult {
  bookingRef: string;
  sessionId?: string;
  ok: boolean;
  error?: string;
  /** Latency of each step in ms, from its due time to the answer. */
  ms: Partial<Record<TimedStep, number>>;
  /** performance.now() the guest's device first saw each board step. */
  stepSeenAt: Partial<Record<BoardStep, number>>;
  pinAttempts: number;
  /** The PINs were not ready yet when the guest confirmed, so the stay token waited for them. */
  confirmedBeforePins: boolean;
  finishedAt: number;
}

export interface ScheduledGuestContext {
  baseUrl: string;
  wsBase: string;
  thinkMs: number;
  /** Longest a guest may take from arrival to stay page before it counts as failed. */
  budgetMs: number;
  onStepSeen?(sessionId: string, step: BoardStep, at: number): void;
}

const PHONE = "07700 900123";

type StateWaiter = { until: (s: PublicSessionState) => boolean; resolve: (at: number) => void };

export async function runScheduledGuest(
  bookingRef: string,
  index: number,
  dueAt: number,
  ctx: ScheduledGuestContext,
): Promise<ScheduledGuestResult> {
  const r: ScheduledGuestResult = {
    bookingRef,
    ok: false,
    ms: {},
    stepSeenAt: {},
    pinAttempts: 0,
    confirmedBeforePins: false,
    finishedAt: 0,
  };
  const ip = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  let phase: TimedStep = "lookup";
  let socket: BenchSocket | undefined;
  let fail!: (err: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const budget = setTimeout(
    () => fail(new Error(`timed out after ${ctx.budgetMs} ms`)),
    Math.max(0, dueAt + ctx.budgetMs - performance.now()),
  );
  // Whatever fails first (an answer, the socket, the budget) ends the guest.
  const orFail = <T>(p: Promise<T>) => Promise.race([p, failed]);
  try {
    const found = await orFail(lookup(ctx.baseUrl, bookingRef, ip));
    r.ms.lookup = performance.now() - dueAt;
    if (found.kind !== "session") throw new Error(`lookup answered ${found.kind}`);
    const sessionId = found.sessionId;
    r.sessionId = sessionId;
    let due = dueAt + r.ms.lookup + ctx.thinkMs;

    let latest: PublicSessionState | undefined;
    let waiter: StateWaiter | undefined;
    const nextState = (until: StateWaiter["until"]) =>
      orFail(
        new Promise<number>((resolve) => {
          waiter = { until, resolve };
        }),
      );
    socket = new BenchSocket(
      `${ctx.wsBase}/parties/checkin/${sessionId}`,
      {
        onMessage: (text, at) => {
          let msg: { type: string; state?: PublicSessionState; code?: string; message?: string };
          try {
            msg = JSON.parse(text);
          } catch {
            return fail(new Error(`non-JSON frame: ${text.slice(0, 100)}`));
          }
          if (msg.type === "error") return fail(new Error(`server refused a message: ${msg.code} ${msg.message}`));
          if (msg.type !== "state" || !msg.state) return;
          const s = msg.state;
          latest = s;
          r.pinAttempts = Math.max(r.pinAttempts, s.pin.attempts);
          if (
            (s.step === "parking" || s.step === "confirm" || s.step === "completed") &&
            r.stepSeenAt[s.step] === undefined
          ) {
            r.stepSeenAt[s.step] = at;
            ctx.onStepSeen?.(sessionId, s.step, at);
          }
          if (s.step === "error" || s.step === "expired")
            return fail(new Error(`session ended in ${s.step}: ${s.error}`));
          if (s.pin.status === "failed") return fail(new Error(`PINs failed: ${s.pin.error}`));
          if (waiter?.until(s)) {
            const w = waiter;
            waiter = undefined;
            w.resolve(at);
          }
        },
        onFatal: (reason) => fail(new Error(`socket: ${reason}`)),
      },
      { reconnect: false, deadline: Infinity },
    );

    /** Sends at the step's due time and resolves with the receipt time of the first state that shows the answer. */
    const step = async (name: TimedStep, message: object | null, answered: StateWaiter["until"]) => {
      phase = name;
      await sleepUntil(due);
      const answer = nextState(answered);
      // A send that throws leaves `answer` unawaited; its later rejection is not news.
      answer.catch(() => {});
      if (message === null) await orFail(socket!.open());
      else if (!socket!.send(JSON.stringify(message))) throw new Error("socket not open");
      const at = await answer;
      r.ms[name] = at - due;
      due = at + ctx.thinkMs;
      return at;
    };

    await step("connect", null, () => true);
    await step(
      "details",
      {
        type: "details",
        details: { fullName: `Bench Guest ${index}`, phone: PHONE, email: `guest${index}@bench.test` },
      },
      (s) => s.step !== "details",
    );
    await step(
      "parking",
      { type: "parking", parking: index % 2 ? { hasCar: true, registration: "AB12 CDE" } : { hasCar: false } },
      (s) => s.step === "confirm" || s.step === "completed",
    );
    const confirmDue = due;
    // What the guest sees at the moment of tapping "confirm", after the think time.
    await sleepUntil(confirmDue);
    r.confirmedBeforePins = latest?.pin.status !== "ready";
    await step("confirm", { type: "confirm" }, (s) => s.confirmPending || s.step === "completed");
    phase = "stayToken";
    const tokenAt =
      latest?.step === "completed"
        ? (r.stepSeenAt.completed ?? performance.now())
        : await nextState((s) => s.step === "completed");
    r.ms.stayToken = tokenAt - confirmDue;
    const token = latest!.stayToken;
    if (!token) throw new Error("completed without a stay token");
    socket.close();

    phase = "stay";
    due = tokenAt + ctx.thinkMs;
    await sleepUntil(due);
    await orFail(stay(ctx.baseUrl, token));
    r.ms.stay = performance.now() - due;
    r.ok = true;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const text = err instanceof Error ? err.message + (cause ? ` (${cause.code ?? cause.message})` : "") : String(err);
    r.error = `${phase}: ${text}`;
  } finally {
    clearTimeout(budget);
    socket?.close();
  }
  r.finishedAt = performance.now();
  return r;
}
