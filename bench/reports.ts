// Turns scenario measurements into tables, goals and failures. The goals are the
// issue's; failures (errors, lost sessions, duplicates) make the bench exit non-zero,
// timings never do: they are reported, not asserted.
import type { BenchOptions } from "./lib/args";
import { checkinFloor } from "./lib/floor";
import { goalsTable, machine, ms, times, type Goal, type ScenarioReport, type Table } from "./lib/report";
import { ratio, type Summary } from "./lib/stats";
import type { CheckinRun } from "./scenarios/checkins";
import type { CostProbe } from "./scenarios/costs";
import type { DashboardRun } from "./scenarios/dashboards";
import type { EchoRun } from "./scenarios/echo";
import { ledgerIsExact, type Ledger } from "./lib/ledger";
import type { FaultRun } from "./scenarios/faults";
import { MODE_WORDS, type ModeRow } from "./lib/fault-modes";

const P99_RATIO_GOAL = 3;
const THROUGHPUT_GOAL = 100;
const DASHBOARD_P99_GOAL_MS = 50;

const base = (opts: BenchOptions, config: Record<string, unknown>) => ({
  benchReport: 1 as const,
  machine: machine(),
  quick: opts.quick,
  config,
});
const summaryCells = (s: Summary) => [s.n, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)];
const errorText = (errors: Record<string, number>) =>
  Object.entries(errors)
    .map(([e, n]) => `${n}× ${e}`)
    .join("; ") || "none";

function runFailures(what: string, run: CheckinRun): string[] {
  const out: string[] = [];
  if (run.failed > 0) out.push(`${what}: ${run.failed} of ${run.guests} guests failed (${errorText(run.errors)})`);
  if (run.sessionsLost > 0) out.push(`${what}: ${run.sessionsLost} sessions lost`);
  return out;
}

/** Which echo figure each step is compared with: sockets with sockets, HTTP with HTTP. */
function stepRows(run: CheckinRun, echo: EchoRun | undefined) {
  const rows: { key: string; label: string; s: Summary; echo?: Summary }[] = [
    { key: "lookup", label: "lookup (HTTP, creates the session)", s: run.steps.lookup, echo: echo?.http },
    { key: "connect", label: "connect (socket open → first state)", s: run.steps.connect, echo: echo?.connect },
    { key: "details", label: "details → state", s: run.steps.details, echo: echo?.roundTrip },
    { key: "parking", label: "parking → state", s: run.steps.parking, echo: echo?.roundTrip },
    { key: "confirm", label: "confirm → state", s: run.steps.confirm, echo: echo?.roundTrip },
    { key: "stayToken", label: "confirm → stay token (guest written)", s: run.steps.stayToken, echo: echo?.roundTrip },
    { key: "stay", label: "POST /api/stay", s: run.steps.stay, echo: echo?.http },
  ];
  return rows;
}

function stepTable(title: string, run: CheckinRun, echo: EchoRun | undefined): Table {
  const rows = stepRows(run, echo).map((r) => [
    r.label,
    ...summaryCells(r.s),
    r.echo ? times(ratio(r.s.p99, r.echo.p99)) : "–",
  ]);
  rows.push(["PIN wait (parking answered → PINs ready)", ...summaryCells(run.pinWait), "–"]);
  if (run.pinPush.n)
    rows.push(["PIN-ready push (vendor made 2nd PIN → client has event)", ...summaryCells(run.pinPush), "–"]);
  return {
    title,
    headers: ["step (ms)", "n", "p50", "p95", "p99", "max", "p99 ÷ echo p99"],
    rows,
    note: "Socket steps are divided by the echo socket round trip, HTTP steps by an HTTP GET on the echo party, connect by the echo socket open (scenario 2, same N, all clients active at once).",
  };
}

const histogramText = (h: Record<string, number>) =>
  Object.entries(h)
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");

function outcomeTable(title: string, run: CheckinRun): Table {
  return {
    title,
    headers: [
      "guests",
      "completed",
      "errors",
      "wall (s)",
      "completed check-ins/s",
      "reconnects",
      "sessions lost",
      "PIN attempts: sessions",
    ],
    rows: [
      [
        run.guests,
        run.completed,
        run.failed,
        (run.wallMs / 1000).toFixed(1),
        run.throughput,
        run.reconnects,
        run.sessionsLost,
        histogramText(run.pinAttempts),
      ],
    ],
    note: run.failed ? `Errors: ${errorText(run.errors)}` : undefined,
  };
}

function cpuTable(title: string, run: CheckinRun): Table {
  const { perProcessMs, availableMs } = run.cpu;
  const per = (msUsed: number) => (run.completed ? (msUsed / run.completed).toFixed(1) : "–");
  const total = Object.values(perProcessMs).reduce((a, b) => a + b, 0);
  return {
    title,
    headers: ["process", "CPU (s)", "CPU ms per check-in", "share of all cores"],
    rows: [
      ...Object.entries(perProcessMs).map(([name, used]) => [
        name,
        (used / 1000).toFixed(1),
        per(used),
        `${((used / availableMs) * 100).toFixed(0)}%`,
      ]),
      ["all", (total / 1000).toFixed(1), per(total), `${((total / availableMs) * 100).toFixed(0)}%`],
    ],
    note: "From /proc over the run's wall time. workerd runs every party in one JavaScript isolate, i.e. on one core.",
  };
}

export function guestsReport(
  opts: BenchOptions,
  run: CheckinRun,
  echo: EchoRun | undefined,
  config: Record<string, unknown>,
): ScenarioReport {
  const goals: Goal[] = [{ goal: "errors", target: "0", measured: String(run.failed), met: run.failed === 0 }];
  for (const r of stepRows(run, echo)) {
    if (!r.echo) continue;
    const x = ratio(r.s.p99, r.echo.p99);
    goals.push({
      goal: `${r.key} p99 vs echo p99`,
      target: `≤ ${P99_RATIO_GOAL}×`,
      measured: `${times(x)} (${ms(r.s.p99)} / ${ms(r.echo.p99)} ms)`,
      met: x <= P99_RATIO_GOAL,
    });
  }
  goals.push({
    goal: "completed check-ins per second",
    target: `≥ ${THROUGHPUT_GOAL}`,
    measured: String(run.throughput),
    met: run.throughput >= THROUGHPUT_GOAL,
  });
  return {
    ...base(opts, config),
    scenario: "guests",
    title: `1. ${run.guests} guests at once`,
    tables: [
      outcomeTable("Outcome", run),
      stepTable("Per-step round trips", run, echo),
      cpuTable("Where the CPU went", run),
      goalsTable(goals),
    ],
    goals,
    failures: runFailures("guests", run),
    data: strip(run),
  };
}

export function echoReport(opts: BenchOptions, echo: EchoRun, config: Record<string, unknown>): ScenarioReport {
  const failed = echo.clients - echo.ok;
  const goals: Goal[] = [{ goal: "echo errors", target: "0", measured: String(failed), met: failed === 0 }];
  return {
    ...base(opts, config),
    scenario: "echo",
    title: `2. Echo baseline, ${echo.clients} clients`,
    tables: [
      {
        title: "Echo party round trips (ms)",
        headers: ["what", "n", "p50", "p95", "p99", "max"],
        rows: [
          ["socket round trip, all clients at once", ...summaryCells(echo.roundTrip)],
          ["socket open to a new room, ramped", ...summaryCells(echo.connect)],
          ["HTTP GET, all clients at once", ...summaryCells(echo.http)],
        ],
      },
    ],
    goals,
    failures: failed ? [`echo: ${failed} clients failed (${errorText(echo.errors)})`] : [],
    data: echo,
  };
}

export function dashboardsReport(
  opts: BenchOptions,
  d: DashboardRun,
  echo: EchoRun | undefined,
  config: Record<string, unknown>,
): ScenarioReport {
  const goals: Goal[] = [
    {
      goal: "every dashboard sees a step change, p99",
      target: `≤ ${DASHBOARD_P99_GOAL_MS} ms`,
      measured: `${ms(d.allDashboards.p99)} ms`,
      met: d.allDashboards.p99 <= DASHBOARD_P99_GOAL_MS,
    },
    {
      goal: "step changes a dashboard never caught up with",
      target: "0",
      measured: String(d.missed),
      met: d.missed === 0,
    },
    {
      goal: "guest errors while watched",
      target: "0",
      measured: String(d.checkins.failed),
      met: d.checkins.failed === 0,
    },
  ];
  const failures = [...runFailures("dashboards", d.checkins), ...d.dashboardErrors.slice(0, 5)];
  if (d.missed > 0)
    failures.push(
      `dashboards: ${d.missed} (dashboard, step change) pairs never reached the dashboard, not even by a later update`,
    );
  return {
    ...base(opts, config),
    scenario: "dashboards",
    title: `3. ${d.dashboards} dashboards watching ${d.checkins.guests} guests`,
    tables: [
      {
        title: "Guest step change → dashboard sees it (ms)",
        headers: ["measure", "n", "p50", "p95", "p99", "max"],
        rows: [
          ["slowest of all dashboards, per change", ...summaryCells(d.allDashboards)],
          ["each dashboard, per change", ...summaryCells(d.perDashboard)],
        ],
        note: `A dashboard has a change when it shows that step or a later one. Messages per dashboard: ${d.messagesPerDashboard}, carrying ${d.updatesPerDashboard} session updates; (dashboard, change) pairs never caught up: ${d.missed}; step shown only as part of a later update: ${d.skipped} (a check-in room sends its newest state, so changes made while a send is in flight arrive together; that is by design, not a loss).`,
      },
      outcomeTable("Guests while watched", d.checkins),
      stepTable("Guest round trips while watched", d.checkins, echo),
      goalsTable(goals),
    ],
    goals,
    failures,
    data: { ...d, checkins: strip(d.checkins) },
  };
}

function ledgerCells(l: Ledger) {
  return [
    histogramText(l.guestsPerReservation),
    histogramText(l.pinSetsPerReservation) +
      (l.roomLocksSkipped ? ` (${l.roomLocksSkipped} with the code removed at the lock: see the modes table)` : ""),
    l.frontDoorDuplicateLabels,
    `${l.frontDoorPins} / ${l.reservations}`,
  ];
}

export function faultsReport(opts: BenchOptions, f: FaultRun, config: Record<string, unknown>): ScenarioReport {
  const a = f.underFaults;
  const b = f.restart;
  const goals: Goal[] = [
    {
      goal: "every guest completes under vendor faults",
      target: `${a.checkins.guests}`,
      measured: String(a.checkins.completed),
      met: a.checkins.completed === a.checkins.guests,
    },
    {
      goal: "exactly one guest and one PIN set per reservation (faults)",
      target: "all",
      measured: ledgerIsExact(a.ledger) ? "all" : "see ledger",
      met: ledgerIsExact(a.ledger),
    },
    {
      goal: "sessions lost across SIGKILL",
      target: "0",
      measured: `${b.lostGuests} guests not completed, ${b.checkins.sessionsLost} sessions forgotten`,
      met: b.lostGuests === 0 && b.checkins.sessionsLost === 0,
    },
    {
      goal: "exactly one guest and one PIN set per reservation (SIGKILL)",
      target: "all",
      measured: ledgerIsExact(b.ledger) ? "all" : "see ledger",
      met: ledgerIsExact(b.ledger),
    },
  ];
  const modeLost = a.modes.reduce((n, m) => n + m.lost, 0);
  const modeDuplicates = a.modes.reduce((n, m) => n + m.duplicates, 0);
  const modeProblems = a.modes.flatMap((m) => m.problems);
  goals.splice(
    2,
    0,
    {
      goal: "lost sessions and duplicate codes under Seam's failure modes",
      target: "0 / 0",
      measured: `${modeLost} / ${modeDuplicates}`,
      met: modeLost === 0 && modeDuplicates === 0,
    },
    {
      goal: "every reservation ends as its failure mode must (codes, lock state, backup, alert)",
      target: `${a.modes.reduce((n, m) => n + m.reservations, 0)}`,
      measured: String(a.modes.reduce((n, m) => n + m.asExpected, 0)),
      met: modeProblems.length === 0,
    },
  );
  const failures = [...runFailures("faults", a.checkins), ...runFailures("restart", b.checkins)];
  if (!ledgerIsExact(a.ledger)) failures.push(`faults: ledger not exact ${JSON.stringify(a.ledger)}`);
  if (modeLost || modeDuplicates)
    failures.push(`faults: ${modeLost} lost, ${modeDuplicates} duplicates under failure modes`);
  failures.push(...modeProblems.slice(0, 20).map((p) => `faults mode: ${p}`));
  if (a.boardErrors.length) failures.push(`faults: desk board problems: ${a.boardErrors.slice(0, 3).join("; ")}`);
  if (!b.killed) failures.push("restart: the runtime was never killed (half the guests did not complete first)");
  if (!ledgerIsExact(b.ledger)) failures.push(`restart: ledger not exact ${JSON.stringify(b.ledger)}`);
  return {
    ...base(opts, config),
    scenario: "faults",
    title: "4. Faults under load",
    tables: [
      {
        title: "Outcome",
        headers: [
          "run",
          "guests",
          "completed",
          "errors",
          "wall (s)",
          "reconnects",
          "HTTP retries",
          "sessions forgotten",
        ],
        rows: [
          [
            `vendor ${Number(config.SIM_LOCK_FAILURE_RATE) * 100}% failures, ${config.SIM_LOCK_LATENCY_MS} ms`,
            a.checkins.guests,
            a.checkins.completed,
            a.checkins.failed,
            (a.checkins.wallMs / 1000).toFixed(1),
            a.checkins.reconnects,
            a.checkins.httpRetries,
            a.checkins.sessionsLost,
          ],
          [
            `SIGKILL with ${b.completedBeforeKill} done, ${b.startedAtKill} started; back in ${(b.downtimeMs / 1000).toFixed(1)} s`,
            b.checkins.guests,
            b.checkins.completed,
            b.checkins.failed,
            (b.checkins.wallMs / 1000).toFixed(1),
            b.checkins.reconnects,
            b.checkins.httpRetries,
            b.checkins.sessionsLost,
          ],
        ],
        note: [a.checkins, b.checkins].some((r) => r.failed)
          ? `Errors: ${errorText({ ...a.checkins.errors, ...b.checkins.errors })}`
          : undefined,
      },
      {
        title: "Ledger: what each reservation ended with (libSQL guests, vendor PINs)",
        headers: [
          "run",
          "guests per reservation",
          "PIN sets per reservation (room lock)",
          "front-door labels with >1 PIN",
          "front-door PINs / reservations",
        ],
        rows: [
          ["vendor faults", ...ledgerCells(a.ledger)],
          ["SIGKILL", ...ledgerCells(b.ledger)],
        ],
      },
      modesTable(a.modes, a.settleMs),
      {
        title: "PIN wait under vendor faults (ms)",
        headers: ["measure", "n", "p50", "p95", "p99", "max"],
        rows: [["parking answered → PINs ready", ...summaryCells(a.checkins.pinWait)]],
      },
      goalsTable(goals),
    ],
    goals,
    failures,
    data: { underFaults: { ...a, checkins: strip(a.checkins) }, restart: { ...b, checkins: strip(b.checkins) } },
  };
}

function modesTable(rows: ModeRow[], settleMs: number): Table {
  return {
    title: "Seam failure modes on room locks, under the same vendor faults",
    headers: [
      "mode",
      "reservations",
      "completed",
      "lost",
      "room-lock codes at Seam",
      "duplicates",
      "confirmed on lock",
      "backups given",
      "door alerts",
      "ended as expected",
    ],
    rows: rows.map((m) => [
      MODE_WORDS[m.mode],
      m.reservations,
      m.completed,
      m.lost,
      histogramText(m.roomCodes),
      m.duplicates,
      m.confirmed,
      m.backupsGiven,
      m.alerts,
      `${m.asExpected} / ${m.reservations}`,
    ]),
    note:
      "Expected: a healthy, low-battery or webhook-less lock ends confirmed; an offline lock gets a backup code at " +
      "arrival and confirms once back; a failed code gets a backup; a stuck or removed code is a door alert " +
      `(a removed code leaves none on the lock). Counted after the locks settled (${(settleMs / 1000).toFixed(1)} s).`,
  };
}

export function growthReport(
  opts: BenchOptions,
  runs: CheckinRun[],
  stoppedEarly: boolean,
  config: Record<string, unknown>,
): ScenarioReport {
  const goals: Goal[] = runs.map((r) => ({
    goal: `errors at N=${r.guests}`,
    target: "0",
    measured: String(r.failed),
    met: r.failed === 0,
  }));
  return {
    ...base(opts, config),
    scenario: "growth",
    title: "5. Growth",
    tables: [
      {
        title: "Throughput and p99 (ms) against N",
        headers: [
          "N",
          "completed",
          "errors",
          "wall (s)",
          "check-ins/s",
          "lookup p99",
          "details p99",
          "parking p99",
          "confirm p99",
          "→ stay token p99",
          "stay p99",
          "PIN push p99",
          "workerd CPU ms / check-in",
        ],
        rows: runs.map((r) => [
          r.guests,
          r.completed,
          r.failed,
          (r.wallMs / 1000).toFixed(1),
          r.throughput,
          ms(r.steps.lookup.p99),
          ms(r.steps.details.p99),
          ms(r.steps.parking.p99),
          ms(r.steps.confirm.p99),
          ms(r.steps.stayToken.p99),
          ms(r.steps.stay.p99),
          ms(r.pinPush.p99),
          r.completed ? ((r.cpu.perProcessMs.workerd ?? 0) / r.completed).toFixed(1) : "–",
        ]),
        note: stoppedEarly ? "Stopped early: errors appeared." : undefined,
      },
    ],
    goals,
    failures: runs.flatMap((r) => runFailures(`growth N=${r.guests}`, r)),
    data: runs.map(strip),
  };
}

/** Per-guest results are too bulky for the JSON; keep the summaries and the error tally. */
function strip(run: CheckinRun) {
  const { results: _results, reservations: _reservations, ...rest } = run;
  return rest;
}

export function costsReport(opts: BenchOptions, probes: CostProbe[], config: Record<string, unknown>): ScenarioReport {
  const db = probes.filter((p) => "wall ms per write" in p.perOpMs);
  const hops = probes.filter((p) => !db.includes(p));
  const processes = [...new Set(hops.flatMap((p) => Object.keys(p.perOpMs)))];
  return {
    ...base(opts, config),
    scenario: "costs",
    title: "6. What one hop costs (diagnostic)",
    tables: [
      {
        title: "CPU ms per operation, by process",
        headers: ["operation", "n", ...processes],
        rows: hops.map((p) => [p.probe, p.count, ...processes.map((k) => (p.perOpMs[k] ?? 0).toFixed(2))]),
        note: "20 in flight at a time; CPU from /proc, so small values are ±0.1 ms. A check-in is a few dozen such hops (see the findings).",
      },
      ...floorTables(probes),
      {
        title: "libSQL (sqld) write transactions",
        headers: ["operation", "n", "wall ms per write"],
        rows: db.map((p) => [p.probe, p.count, p.perOpMs["wall ms per write"]!.toFixed(2)]),
      },
    ],
    goals: [],
    failures: [],
    data: probes,
  };
}

function floorTables(probes: CostProbe[]): Table[] {
  const floor = checkinFloor(probes);
  if (!floor) return [];
  return [
    {
      title: `The floor: ${floor.totalMs} ms of workerd CPU per check-in`,
      headers: ["hop a check-in cannot avoid", "per check-in", "workerd ms each", "workerd ms"],
      rows: [
        ...floor.terms.map((t) => [t.hop, t.count, t.perHopMs.toFixed(2), t.ms.toFixed(2)]),
        ["floor", "", "", floor.totalMs.toFixed(1)],
      ],
      note:
        "Priced with the probes above; the hop counts are the model in bench/lib/floor.ts. " +
        "The open-loop scenario compares its workerd CPU per check-in with this.",
    },
  ];
}
