// Front-desk dashboards as the bench sees them: signed-in desk sockets on the bench
// property's board, each remembering when it first saw every (session, step). Compared
// with when the guest's own device saw the step, that is the board's delay. Used by the
// dashboards scenario (a burst of guests) and the open-loop one (guests at a fixed rate).
import type { BenchEnv } from "./env";
import type { BoardStep } from "./guest";
import { deskLogin } from "./http";
import { mapLimit, sleep } from "./pool";
import { BENCH_PROPERTY, BENCH_STAFF } from "./seed";
import { BenchSocket } from "./socket";
import { summarize, type Summary } from "./stats";

const BOARD_STEPS: BoardStep[] = ["parking", "confirm", "completed"];

export interface Dashboard {
  socket: BenchSocket;
  /** `${sessionId}|${step}` → performance.now() it first arrived. */
  seen: Map<string, number>;
  messages: number;
  updates: number;
}

/** A step change as the guest's device saw it. */
export interface GuestSaw {
  key: string;
  sessionId: string;
  step: BoardStep;
  at: number;
}

export const guestSaw = (sessionId: string, step: BoardStep, at: number): GuestSaw => ({
  key: `${sessionId}|${step}`,
  sessionId,
  step,
  at,
});

export interface BoardDelays {
  /** Each (dashboard, step change) pair. */
  perDashboard: Summary;
  /** Per step change, the slowest dashboard. */
  allDashboards: Summary;
  /** (dashboard, change) pairs where neither that step nor a later one ever arrived: the board stayed behind. */
  missed: number;
  /** (dashboard, change) pairs where that exact step never arrived (a later one did). */
  skipped: number;
  /** Websocket messages; each carries a batch of session updates. */
  messagesPerDashboard: number;
  /** Session updates inside those messages. */
  updatesPerDashboard: number;
}

/** Opens `count` dashboards, each resolved once its first full board has arrived. Problems go to `errors`. */
export async function openDashboards(env: BenchEnv, count: number, errors: string[]): Promise<Dashboard[]> {
  const cookie = await deskLogin(env.baseUrl, BENCH_STAFF.email, BENCH_STAFF.password);
  return mapLimit(Array.from({ length: count }), 10, async () => {
    const d = { seen: new Map(), messages: 0, updates: 0 } as unknown as Dashboard;
    let gotBoard!: () => void;
    const boardArrived = new Promise<void>((resolve) => (gotBoard = resolve));
    d.socket = new BenchSocket(
      `${env.wsBase}/parties/frontdesk/${BENCH_PROPERTY}`,
      {
        onMessage: (text, at) => {
          d.messages++;
          const msg = JSON.parse(text) as { type: string; sessions?: { sessionId: string; step: string }[] };
          if (msg.type === "board") gotBoard();
          else if (msg.type === "sessions") {
            // The dashboard has every session of a batch when the batch arrives.
            d.updates += msg.sessions!.length;
            for (const s of msg.sessions!) {
              const key = `${s.sessionId}|${s.step}`;
              if (!d.seen.has(key)) d.seen.set(key, at);
            }
          } else errors.push(`dashboard got ${text.slice(0, 120)}`);
        },
        onFatal: (reason) => errors.push(`dashboard socket: ${reason}`),
      },
      { headers: { cookie }, reconnect: false, deadline: Infinity },
    );
    await d.socket.open();
    await boardArrived;
    return d;
  });
}

/** Gives the last board updates up to `ms` to land: until every completion reached every dashboard. */
export async function settleBoards(boards: readonly Dashboard[], saw: readonly GuestSaw[], ms = 5_000): Promise<void> {
  const settleBy = performance.now() + ms;
  const completions = saw.filter((g) => g.step === "completed");
  while (performance.now() < settleBy && !completions.every((g) => boards.every((b) => b.seen.has(g.key))))
    await sleep(50);
}

/**
 * A dashboard has a change once it shows that step or a later one: the board keeps only the
 * newest state, so a skipped intermediate update is late, not lost, if a newer one came.
 * Separately we count updates whose exact step never arrived, and changes that never
 * reached a dashboard at all (that board stays wrong).
 */
export function boardDelays(boards: readonly Dashboard[], saw: readonly GuestSaw[]): BoardDelays {
  const per: number[] = [];
  const all: number[] = [];
  let missed = 0;
  let skipped = 0;
  const seenAtOrAfter = (b: Dashboard, sessionId: string, step: BoardStep) => {
    let first = Infinity;
    for (const s of BOARD_STEPS.slice(BOARD_STEPS.indexOf(step)))
      first = Math.min(first, b.seen.get(`${sessionId}|${s}`) ?? Infinity);
    return first;
  };
  for (const g of saw) {
    let slowest = -Infinity;
    for (const b of boards) {
      if (!b.seen.has(g.key)) skipped++;
      const t = seenAtOrAfter(b, g.sessionId, g.step);
      if (t === Infinity) {
        missed++;
        continue;
      }
      per.push(t - g.at);
      slowest = Math.max(slowest, t - g.at);
    }
    if (slowest > -Infinity) all.push(slowest);
  }
  return {
    perDashboard: summarize(per),
    allDashboards: summarize(all),
    missed,
    skipped,
    messagesPerDashboard: Math.round(boards.reduce((a, b) => a + b.messages, 0) / Math.max(1, boards.length)),
    updatesPerDashboard: Math.round(boards.reduce((a, b) => a + b.updates, 0) / Math.max(1, boards.length)),
  };
}
