// Scenario 3: front-desk dashboards watching while a batch of guests checks in. For
// every step change a guest's device sees (parking, confirm, completed) we find when
// each dashboard saw the same session reach the same step, and report that delay per
// dashboard and for the slowest dashboard ("every dashboard has it").
import {
  boardDelays,
  guestSaw,
  openDashboards,
  settleBoards,
  type BoardDelays,
  type GuestSaw,
} from "../lib/board-watch";
import type { BenchEnv } from "../lib/env";
import { runCheckins, type CheckinRun } from "./checkins";

export interface DashboardRun extends BoardDelays {
  dashboards: number;
  checkins: CheckinRun;
  dashboardErrors: string[];
}

export async function runDashboards(
  env: BenchEnv,
  opts: { guests: number; dashboards: number; deadlineMs: number },
): Promise<DashboardRun> {
  const errors: string[] = [];
  const boards = await openDashboards(env, opts.dashboards, errors);
  const saw: GuestSaw[] = [];
  const checkins = await runCheckins(env, {
    guests: opts.guests,
    deadlineMs: opts.deadlineMs,
    onStepSeen: (sessionId, step, at) => saw.push(guestSaw(sessionId, step, at)),
  });
  await settleBoards(boards, saw);
  for (const b of boards) b.socket.close();
  return { dashboards: opts.dashboards, checkins, dashboardErrors: errors, ...boardDelays(boards, saw) };
}
