// Tables, goals and failures of the soak scenario.
import type { BenchOptions } from "./lib/args";
import { goalsTable, machine, type Goal, type ScenarioReport, type Table } from "./lib/report";
import type { SoakRun } from "./scenarios/soak";

const WORKERD = "workerd";

const listed = (h: Record<string, number>) => Object.entries(h).sort((a, b) => b[1] - a[1]);

export function soakReport(opts: BenchOptions, s: SoakRun, config: Record<string, unknown>): ScenarioReport {
  const processes = [...new Set(s.rss.flatMap((x) => Object.keys(x.mb)))];
  const first = s.rss[0]!.mb;
  const last = s.rss.at(-1)!.mb;
  // The first check-ins also warm the isolate (compiled code, caches); the second half's
  // slope is the growth that would go on.
  const mid = s.rss[Math.floor((s.rss.length - 1) / 2)]!;
  const slope = (a: { finished: number; mb: Record<string, number> }, b: typeof a) =>
    b.finished > a.finished
      ? (((b.mb[WORKERD] ?? NaN) - (a.mb[WORKERD] ?? NaN)) / (b.finished - a.finished)) * 1000
      : NaN;
  const perThousand = slope(s.rss[0]!, s.rss.at(-1)!);
  const perThousandLate = slope(mid, s.rss.at(-1)!);
  const goals: Goal[] = [
    {
      goal: `check-ins in a row on one runtime`,
      target: String(s.requested),
      measured: `${s.completed} completed, ${s.failed} errors`,
      met: s.completed === s.requested,
    },
    {
      goal: "workerd RSS, start → end",
      target: "–",
      measured:
        `${first[WORKERD] ?? "–"} → ${last[WORKERD] ?? "–"} MB ` +
        `(${perThousand.toFixed(1)} MB per 1,000 check-ins; ` +
        `second half ${perThousandLate.toFixed(1)})`,
      met: null,
    },
  ];
  const tables: Table[] = [
    {
      title: "Outcome",
      headers: ["requested", "started", "completed", "errors", "wall (s)", "check-ins/s", "stopped early"],
      rows: [
        [
          s.requested,
          s.started,
          s.completed,
          s.failed,
          (s.wallMs / 1000).toFixed(1),
          s.throughput,
          s.stoppedEarly ?? "no",
        ],
      ],
    },
    {
      title: "Resident memory (MB) as the check-ins finish",
      headers: ["check-ins finished", ...processes],
      rows: s.rss.map((x) => [x.finished, ...processes.map((p) => (x.mb[p] ?? 0).toFixed(1))]),
      note: "VmRSS from /proc, summed over each process's pids.",
    },
    {
      title: "Every guest error",
      headers: ["count", "error"],
      rows: listed(s.errors).map(([e, n]) => [n, e]),
      note: s.failed ? undefined : "None.",
    },
    {
      title: "Runtime and sqld warnings and errors during the soak (grouped, most frequent first)",
      headers: ["count", "log line"],
      rows: listed(s.runtimeProblems)
        .slice(0, 20)
        .map(([e, n]) => [n, e.replace(/\|/g, "\\|")]),
      note:
        Object.keys(s.runtimeProblems).length === 0
          ? "None."
          : Object.keys(s.runtimeProblems).length > 20
            ? `${Object.keys(s.runtimeProblems).length} kinds in all; the run's runtime-soak.log has every line.`
            : undefined,
    },
    goalsTable(goals),
  ];
  const failures: string[] = [];
  if (s.failed)
    failures.push(
      `soak: ${s.failed} of ${s.started} guests failed (${listed(s.errors)
        .slice(0, 5)
        .map(([e, n]) => `${n}× ${e}`)
        .join("; ")})`,
    );
  if (s.stoppedEarly) failures.push(`soak: ${s.stoppedEarly}`);
  return {
    benchReport: 1,
    machine: machine(),
    quick: opts.quick,
    config,
    scenario: "soak",
    title: `8. Soak: ${s.requested} check-ins on one runtime`,
    tables,
    goals,
    failures,
    data: s,
  };
}
