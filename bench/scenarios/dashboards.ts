// Scenario 3: front-desk dashboards watching while a batch of guests checks in. For
// every step change a guest's device sees (parking, confirm, completed) we find when
// each dashboard saw the same session reach the same step, and report that delay per
// dashboard and for the slowest dashboard ("every dashboard has it").
import { BENCH_PROPERTY, BENCH_STAFF } from "../lib/seed";
import type { BenchEnv } from "../lib/env";
import type { BoardStep } from "../lib/guest";
import { deskLogin } from "../lib/http";
import { mapLimit, sleep } from "../lib/pool";
import { BenchSocket } from "../lib/socket";
import { summarize, type Summary } from "../lib/stats";
import { runCheckins, type CheckinRun } from "./checkins";

export interface DashboardRun {
  dashboards: number;
  checkins: CheckinRun;
  /** Each (dashboard, step change) pair. */
  perDashboard: Summary;
  /** Per step change, the slowest dashboard. */
  allDashboards: Summary;
  /** (dashboard, change) pairs where neither that step nor a later one ever arrived: the board stayed behind. */
  missed: number;
  /** (dashboard, change) pairs where that exact step never arrived (a later one did). */
  skipped: number;
  dashboardErrors: string[];
  /** Websocket messages; each carries a batch of session updates. */
  messagesPerDashboard: number;
  /** Session updates inside those messages. */
  updatesPerDashboard: number;
}

const BOARD_STEPS: BoardStep[] = ["parking", "confirm", "completed"];

interface Dashboard {
  socket: BenchSocket;
  seen: Map<string, number>;
  messages: number;
  updates: number;
}

export async function runDashboards(env: BenchEnv, opts: { guests: number; dashboards: number; deadlineMs: number }): Promise<DashboardRun> {
  const cookie = await deskLogin(env.baseUrl, BENCH_STAFF.email, BENCH_STAFF.password);
  const errors: string[] = [];
  const boards: Dashboard[] = await mapLimit(Array.from({ length: opts.dashboards }), 10, async () => {
    const d: Dashboard = { seen: new Map(), messages: 0, updates: 0 } as Dashboard;
    let gotBoard!: () => void;
    const boardArrived = new Promise<void>((resolve) => (gotBoard = resolve));
    d.socket = new BenchSocket(`${env.wsBase}/parties/frontdesk/${BENCH_PROPERTY}`, {
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
    }, { headers: { cookie }, reconnect: false, deadline: Infinity });
    await d.socket.open();
    await boardArrived;
    return d;
  });

  const guestSaw: { key: string; sessionId: string; step: BoardStep; at: number }[] = [];
  const checkins = await runCheckins(env, {
    guests: opts.guests,
    deadlineMs: opts.deadlineMs,
    onStepSeen: (sessionId: string, step: BoardStep, at: number) => guestSaw.push({ key: `${sessionId}|${step}`, sessionId, step, at }),
  });
  // Let the last board updates land before counting misses.
  const settleBy = performance.now() + 5_000;
  const completions = guestSaw.filter((g) => g.step === "completed");
  while (performance.now() < settleBy && !completions.every((g) => boards.every((b) => b.seen.has(g.key)))) await sleep(50);
  for (const b of boards) b.socket.close();

  // A dashboard has a change once it shows that step or a later one: the board keeps only the
  // newest state, so a skipped intermediate update is late, not lost, if a newer one came.
  // Separately we count updates whose exact step never arrived, and sessions whose completion
  // never reached a dashboard (that board stays wrong).
  const per: number[] = [];
  const all: number[] = [];
  let missed = 0;
  let skipped = 0;
  const seenAtOrAfter = (b: Dashboard, sessionId: string, step: BoardStep) => {
    let first = Infinity;
    for (const s of BOARD_STEPS.slice(BOARD_STEPS.indexOf(step))) first = Math.min(first, b.seen.get(`${sessionId}|${s}`) ?? Infinity);
    return first;
  };
  for (const g of guestSaw) {
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
    dashboards: opts.dashboards,
    checkins,
    perDashboard: summarize(per),
    allDashboards: summarize(all),
    missed,
    skipped,
    dashboardErrors: errors,
    messagesPerDashboard: Math.round(boards.reduce((a, b) => a + b.messages, 0) / Math.max(1, boards.length)),
    updatesPerDashboard: Math.round(boards.reduce((a, b) => a + b.updates, 0) / Math.max(1, boards.length)),
  };
}
