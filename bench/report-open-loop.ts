// Tables, goals and failures of the open-loop scenario, and the summary's headline:
// the capacity and the workerd CPU per check-in against the floor.
import { capacity, DASHBOARD_P99_LIMIT_MS, STEP_P99_LIMIT, stepComparisons, type Capacity } from "./lib/capacity";
import type { BenchOptions } from "./lib/args";
import { WORKERD, type FloorTerm } from "./lib/floor";
import { machine, ms, times, goalsTable, type Goal, type ScenarioReport, type Table } from "./lib/report";
import { ratio } from "./lib/stats";
import { TIMED_STEPS, type OpenLoopRun } from "./scenarios/open-loop";

const CPU_GOAL_MS = 14;
/** "Flat": every passing rate's workerd CPU per check-in within ±15 % of their mean. */
const CPU_FLATNESS = 0.15;
const CAPACITY_GOAL = 60;

const STEP_LABEL: Record<string, string> = {
  lookup: "lookup (HTTP)",
  connect: "connect (socket open → first state)",
  details: "details → state",
  parking: "parking → state",
  confirm: "confirm → state",
  stayToken: "confirm → stay token",
  stay: "POST /api/stay",
};

const OVERLOAD_TIMEOUT = "timed out after";

export function outcomesOf(runs: readonly OpenLoopRun[]) {
  return runs.map((r) => ({
    rate: r.rate,
    failed: r.failed,
    steps: stepComparisons(r.steps, r.echo),
    dashboardsP99: r.board.allDashboards.p99,
  }));
}

function stepTable(r: OpenLoopRun): Table {
  const rows: (string | number)[][] = stepComparisons(r.steps, r.echo).map((c) => {
    const s = r.steps[c.step as keyof typeof r.steps];
    const echo =
      c.step === "connect" ? r.echo.connect : c.step === "lookup" || c.step === "stay" ? r.echo.http : r.echo.roundTrip;
    return [
      STEP_LABEL[c.step] ?? c.step,
      s.n,
      ms(s.p50),
      ms(s.p99),
      ms(echo.p50),
      ms(echo.p99),
      times(ratio(s.p99, echo.p99)),
    ];
  });
  const b = r.board.allDashboards;
  rows.push([
    `every one of ${r.dashboards} dashboards sees the change`,
    b.n,
    ms(b.p50),
    ms(b.p99),
    "–",
    "–",
    `limit ${DASHBOARD_P99_LIMIT_MS} ms`,
  ]);
  return {
    title: `${r.rate} check-ins/s: latency from the step's due time (ms)`,
    headers: ["step", "n", "p50", "p99", "echo p50", "echo p99", "p99 ÷ echo p99"],
    rows,
    note:
      `${r.guests} guests over ${r.seconds} s, ${r.thinkMs} ms think time; echo journey: ${r.echo.clients} clients ` +
      `(${r.echo.ok} ok${Object.keys(r.echo.errors).length ? `; ${errorText(r.echo.errors)}` : ""}). ` +
      `Latest start behind schedule: guests ${r.maxStartLagMs} ms, echo ${r.echo.maxStartLagMs} ms. ` +
      `Confirmed before the PINs were ready: ${r.confirmedBeforePins}. ` +
      `Dashboard changes never caught up: ${r.board.missed}.`,
  };
}

const errorText = (errors: Record<string, number>) =>
  Object.entries(errors)
    .map(([e, n]) => `${n}× ${e}`)
    .join("; ") || "none";

function cpuTable(runs: readonly OpenLoopRun[], floorMs: number | null): Table {
  const processes = [...new Set(runs.flatMap((r) => Object.keys(r.cpuPerCheckinMs)))];
  return {
    title: "CPU ms per completed check-in, by process",
    headers: ["rate (/s)", "completed", ...processes, "all", "workerd ÷ floor", "workerd idle (ms/s)"],
    rows: runs.map((r) => {
      const all = Object.values(r.cpuPerCheckinMs).reduce((a, b) => a + b, 0);
      const workerd = r.cpuPerCheckinMs[WORKERD] ?? NaN;
      return [
        r.rate,
        r.completed,
        ...processes.map((p) => ms(r.cpuPerCheckinMs[p] ?? NaN)),
        ms(all),
        floorMs ? times(ratio(workerd, floorMs)) : "–",
        r.idleCpuMsPerSecond[WORKERD] ?? "–",
      ];
    }),
    note:
      "From /proc over the guest phase (arrivals and every guest's finish), dashboards included. " +
      "Idle: workerd CPU per second with the dashboards open and no guest, measured just before " +
      "(idle × the phase's wall time is not the check-ins' cost). " +
      (floorMs
        ? `Floor: ${floorMs} ms of workerd CPU per check-in (scenario 6, "the floor").`
        : "No floor: the costs scenario has not run."),
  };
}

function capacityTable(runs: readonly OpenLoopRun[], cap: Capacity): Table {
  const verdict = new Map(cap.verdicts.map((v) => [v.rate, v]));
  return {
    title: "Capacity: which rates the check-in keeps up with",
    headers: ["rate (/s)", "guests", "completed", "errors", "completed/s", "duplicates", "within limits"],
    rows: runs.map((r) => {
      const v = verdict.get(r.rate)!;
      return [
        r.rate,
        r.guests,
        r.completed,
        r.failed,
        r.achievedRate,
        r.duplicates,
        v.passed ? "yes" : `**no**: ${v.reasons.join("; ")}`,
      ];
    }),
    note:
      "A rate is within limits when no guest failed, " +
      `every step's p99 is ≤ ${STEP_P99_LIMIT}× the echo journey's p99 at the ` +
      `same rate and every dashboard sees each change within ${DASHBOARD_P99_LIMIT_MS} ms (p99).`,
  };
}

/** Headline lines for summary.md. */
export function openLoopHeadline(runs: readonly OpenLoopRun[], floorMs: number | null, quick: boolean): string[] {
  const cap = capacity(outcomesOf(runs));
  const atCap = runs.find((r) => r.rate === cap.rate);
  const tested = runs.map((r) => r.rate).join(", ");
  const lowest = Math.min(...runs.map((r) => r.rate));
  const missedBelow = cap.failedBelow.length ? `, although ${cap.failedBelow.join(", ")}/s missed the limits` : "";
  const lines = [
    cap.rate === null
      ? `**Capacity: below ${lowest} check-ins/s** — no tested rate (${tested}/s) stayed within the limits.`
      : `**Capacity: ${cap.rate} check-ins/s** (tested ${tested}/s)${missedBelow}.`,
  ];
  const cpuRun = atCap ?? runs[0];
  if (cpuRun) {
    const workerd = cpuRun.cpuPerCheckinMs[WORKERD] ?? NaN;
    lines.push(
      `**workerd CPU per check-in: ${ms(workerd)} ms** at ${cpuRun.rate}/s against a floor of ` +
        (floorMs ? `${floorMs} ms (${times(ratio(workerd, floorMs))})` : "– (the costs scenario has not run)") +
        ".",
    );
  }
  if (quick) lines.push("(--quick: a smoke run at a low rate for a few seconds; not a measurement.)");
  return lines;
}

export function openLoopReport(
  opts: BenchOptions,
  runs: OpenLoopRun[],
  floor: { totalMs: number; terms: FloorTerm[] } | null,
  stoppedAfter: number | null,
  config: Record<string, unknown>,
): ScenarioReport {
  const cap = capacity(outcomesOf(runs));
  const floorMs = floor?.totalMs ?? null;
  const passing = runs.filter((r) => cap.verdicts.find((v) => v.rate === r.rate)?.passed);
  // With no rate within limits, the CPU of every rate still says how far from the floor it is.
  const judged = passing.length ? passing : runs;
  const cpus = judged.map((r) => r.cpuPerCheckinMs[WORKERD] ?? NaN).filter(Number.isFinite);
  const which = passing.length ? "rates within limits" : "every rate (none within limits)";
  const mean = cpus.reduce((a, b) => a + b, 0) / Math.max(1, cpus.length);
  const flat = cpus.length > 1 && cpus.every((c) => Math.abs(c - mean) <= CPU_FLATNESS * mean);
  const goals: Goal[] = [
    {
      goal: "capacity (every step ≤ 2× echo p99, dashboards ≤ 50 ms)",
      target: `≥ ${CAPACITY_GOAL} check-ins/s`,
      measured: cap.rate === null ? "none of the rates" : `${cap.rate}/s`,
      met: (cap.rate ?? 0) >= CAPACITY_GOAL,
    },
    {
      goal: `workerd CPU per check-in, ${which}`,
      target: `≤ ${CPU_GOAL_MS} ms`,
      measured: cpus.length ? `${ms(Math.min(...cpus))}–${ms(Math.max(...cpus))} ms` : "–",
      met: cpus.length ? Math.max(...cpus) <= CPU_GOAL_MS : false,
    },
    {
      goal: `workerd CPU per check-in flat across ${which}`,
      target: `±${CPU_FLATNESS * 100} %`,
      measured: cpus.length > 1 ? (flat ? "yes" : "no") : "fewer than two rates",
      met: cpus.length > 1 ? flat : null,
    },
    {
      goal: "duplicates (second guest or PIN set)",
      target: "0",
      measured: String(runs.reduce((a, r) => a + r.duplicates, 0)),
      met: runs.every((r) => r.duplicates === 0),
    },
  ];
  const failures: string[] = [];
  for (const r of runs) {
    if (r.duplicates > 0)
      failures.push(`open-loop ${r.rate}/s: ${r.duplicates} duplicates (${JSON.stringify(r.ledger)})`);
    const overloaded = !cap.verdicts.find((v) => v.rate === r.rate)?.passed;
    // Past capacity an open loop piles up work, and guests then run out of time: that is the
    // overload being measured. Any other error, or a timeout within capacity, is a defect.
    const counted = Object.entries(r.errors).filter(
      ([e]) => opts.quick || !overloaded || !e.includes(OVERLOAD_TIMEOUT),
    );
    const n = counted.reduce((a, [, k]) => a + k, 0);
    if (n > 0) failures.push(`open-loop ${r.rate}/s: ${n} guests failed (${errorText(Object.fromEntries(counted))})`);
    const echoFailed = r.echo.clients - r.echo.ok;
    if (echoFailed > 0)
      failures.push(`open-loop ${r.rate}/s: ${echoFailed} echo journeys failed (${errorText(r.echo.errors)})`);
    failures.push(...r.dashboardErrors.slice(0, 5).map((e) => `open-loop ${r.rate}/s: ${e}`));
  }
  const tables: Table[] = [capacityTable(runs, cap), ...runs.map(stepTable), cpuTable(runs, floorMs)];
  if (stoppedAfter !== null)
    tables[0]!.note += ` Stopped after ${stoppedAfter}/s: two rates in a row missed the limits.`;
  tables.push(goalsTable(goals));
  return {
    benchReport: 1,
    machine: machine(),
    quick: opts.quick,
    config,
    scenario: "open-loop",
    title: "7. Open loop: guests arriving at a fixed rate",
    headline: openLoopHeadline(runs, floorMs, opts.quick),
    tables,
    goals,
    failures,
    data: { capacity: cap, floor, runs, steps: TIMED_STEPS },
  };
}
