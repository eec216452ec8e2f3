// `npm run bench`: starts sqld + partykit dev on free ports (the same wiring as
// `npm start`), seeds synthetic reservations, and drives the whole check-in from
// this separate Node process over real websockets and HTTP. Prints a markdown table
// per scenario, writes bench/results/<scenario>.json and bench/results/summary.md,
// and exits non-zero when any guest errored, a session was lost or a reservation
// ended with other than exactly one guest and one PIN set.
//
//   npm run bench                         # everything, defaults from the issue (< 10 min on 2 cores)
//   npm run bench:quick                   # small smoke run for CI (< 1 min), results in bench/results/quick
//   npm run bench -- --only guests,echo --guests 300 --dashboards 20
//   npm run bench -- --only costs,open-loop --rates 5,10 --seconds 20 --think-ms 500
//   npm run bench -- --only soak --soak 2000
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { REPO_ROOT, startStack } from "../scripts/stack";
import { parseArgs, type BenchOptions } from "./lib/args";
import type { BenchEnv } from "./lib/env";
import { markdownTable, writeScenario, writeSummary, goalsTable, type ScenarioReport } from "./lib/report";
import { seedBenchProperty } from "./lib/seed";
import { costsReport, dashboardsReport, echoReport, faultsReport, growthReport, guestsReport } from "./reports";
import { runCheckins, type CheckinRun } from "./scenarios/checkins";
import { runDashboards } from "./scenarios/dashboards";
import { runCosts } from "./scenarios/costs";
import { runEcho } from "./scenarios/echo";
import { runOpenLoopRate, type OpenLoopRun } from "./scenarios/open-loop";
import { judgeRate } from "./lib/capacity";
import { checkinFloor } from "./lib/floor";
import { openLoopReport, outcomesOf } from "./report-open-loop";
import type { CostProbe } from "./scenarios/costs";
import { runSoak } from "./scenarios/soak";
import { soakReport } from "./report-soak";
import { FAULT_VARS, runFaults } from "./scenarios/faults";
import { seamSimKey } from "../party/seamsim/inspect";

const t0 = performance.now();
const log = (line: string) =>
  console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${line}`);

/** All bench guests come from one machine; every guest also gets its own address, but nothing should be refused. */
const COMMON_VARS = {
  LOOKUP_LIMIT_PER_MINUTE: "100000",
  LOOKUP_LIMIT_PER_REF_PER_HOUR: "100000",
  LOOKUP_LIMIT_PER_CLIENT_REF_PER_HOUR: "100000",
};
const MAIN_VARS = { ...COMMON_VARS, SIM_LOCK_LATENCY_MS: "20-80" };
const GUEST_DEADLINE_MS = 120_000;

async function withStack<T>(
  name: string,
  opts: BenchOptions,
  vars: Record<string, string>,
  warm: boolean,
  body: (env: BenchEnv) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdoor-bench-"));
  const lines: string[] = [];
  // Warnings and errors from the runtime and sqld, for explaining failures afterwards.
  const problems: string[] = [];
  const verbose = process.env.BENCH_LOGS === "1";
  const started = performance.now();
  const stack = await startStack({
    dataDir,
    runtimeVars: vars,
    // The baseline room the echo and costs scenarios measure against; production has no use for it.
    extraParties: { echo: "party/echo/server.ts" },
    log: (line) => {
      if (verbose) console.log(line);
      lines.push(line);
      if (lines.length > 300) lines.shift();
      if (!line.includes("[pk:inf]") && !/^\[sqld\] \S+\s+INFO/.test(line) && problems.length < 20_000)
        problems.push(`${new Date().toISOString()} ${line}`);
    },
  }).catch((err) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  log(
    `stack up in ${((performance.now() - started) / 1000).toFixed(1)} s at ${stack.url} (${JSON.stringify(shown(vars))})`,
  );
  const db = openDatabase(stack.libsqlUrl, stack.libsqlAuthToken);
  try {
    await seedBenchProperty(db);
    const env: BenchEnv = {
      stack,
      db,
      baseUrl: stack.url,
      wsBase: stack.url.replace(/^http/, "ws"),
      secret: stack.vars.INTERNAL_SECRET!,
      seamSimKey: seamSimKey(stack.vars),
      options: opts,
      log,
      runtimeProblems: () => problems,
    };
    if (warm) {
      // Compile and warm every code path once, untimed, so the first scenario does not pay for it.
      const run = await runCheckins(env, {
        guests: Math.min(10, opts.guests),
        deadlineMs: GUEST_DEADLINE_MS,
        skipPinPush: true,
      });
      if (run.failed) throw new Error(`warm-up failed: ${JSON.stringify(run.errors)}`);
    }
    return await body(env);
  } catch (err) {
    if (!verbose) console.error(lines.slice(-60).join("\n"));
    throw err;
  } finally {
    db.$client.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(join(opts.outDir, `runtime-${name}.log`), `${problems.join("\n")}\n`);
  }
}

/** Vars as logs and results show them: a secret only says that it is set. */
const shown = (vars: Record<string, string>) =>
  Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k.endsWith("_SECRET") ? "[set]" : v]));

/** This run's per-hop probes, else the last costs scenario's in the results directory. */
function floorFrom(probes: CostProbe[] | undefined, outDir: string) {
  if (probes) return checkinFloor(probes);
  const file = join(outDir, "costs.json");
  if (!existsSync(file)) return null;
  return checkinFloor((JSON.parse(readFileSync(file, "utf8")) as { data: CostProbe[] }).data);
}

function show(report: ScenarioReport) {
  console.log(`\n## ${report.title}\n`);
  for (const line of report.headline ?? []) console.log(`${line}\n`);
  for (const t of report.tables) console.log(`${markdownTable(t)}\n`);
  if (report.failures.length) console.log(`FAILURES: ${report.failures.join("; ")}\n`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), join(REPO_ROOT, "bench/results"));
  mkdirSync(opts.outDir, { recursive: true });
  const reports: ScenarioReport[] = [];
  const done = (r: ScenarioReport) => {
    reports.push(r);
    writeScenario(opts.outDir, r);
    show(r);
  };
  const want = (s: BenchOptions["only"][number]) => opts.only.includes(s);
  /** A scenario that throws is a failure of the run, not the end of it: the others still run. */
  const crashes: string[] = [];
  const attempt = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      const text = `${name} crashed: ${(err as Error).message?.slice(0, 500)}${cause ? ` (cause: ${String(cause).slice(0, 300)})` : ""}`;
      console.error(`[bench] ${text}`);
      crashes.push(text);
    }
  };
  log(`options: ${JSON.stringify(opts)}`);
  let costProbes: CostProbe[] | undefined;

  if (want("guests") || want("echo") || want("dashboards") || want("costs")) {
    await attempt("main stack", () =>
      withStack("main", opts, MAIN_VARS, true, async (env) => {
        // The baseline always runs: the check-in steps are reported as ratios to it.
        log(`echo: ${opts.guests} clients`);
        const echo = await runEcho(env, opts.guests);
        if (want("echo")) done(echoReport(opts, echo, { ...MAIN_VARS, clients: opts.guests }));
        if (want("guests"))
          await attempt("guests", async () => {
            log(`guests: ${opts.guests} at once`);
            const run = await runCheckins(env, { guests: opts.guests, deadlineMs: GUEST_DEADLINE_MS });
            done(
              guestsReport(opts, run, echo, {
                ...MAIN_VARS,
                guests: opts.guests,
                openConcurrency: opts.openConcurrency,
              }),
            );
          });
        if (want("dashboards"))
          await attempt("dashboards", async () => {
            log(`dashboards: ${opts.dashboards} watching ${opts.guests} guests`);
            const d = await runDashboards(env, {
              guests: opts.guests,
              dashboards: opts.dashboards,
              deadlineMs: GUEST_DEADLINE_MS,
            });
            done(dashboardsReport(opts, d, echo, { ...MAIN_VARS, guests: opts.guests, dashboards: opts.dashboards }));
          });
        if (want("costs"))
          await attempt("costs", async () => {
            log("costs: CPU per hop");
            costProbes = await runCosts(env, opts.quick ? 0.2 : 1);
            done(costsReport(opts, costProbes, MAIN_VARS));
          });
      }),
    );
  }

  if (want("growth")) {
    // Each N on a fresh runtime: partykit dev keeps every room it ever started, each in a
    // SQLite file of its own, and after some 6,000 rooms its storage fails (SQLITE_NOMEM).
    await attempt("growth", async () => {
      const runs: CheckinRun[] = [];
      let stoppedEarly = false;
      for (const n of opts.growth) {
        log(`growth: N=${n}`);
        const run = await withStack(`growth-${n}`, opts, MAIN_VARS, !opts.quick, (env) =>
          runCheckins(env, { guests: n, deadlineMs: GUEST_DEADLINE_MS }),
        );
        runs.push(run);
        log(`growth: N=${n} → ${run.completed} completed, ${run.failed} errors, ${run.throughput}/s`);
        if (run.failed > 0) {
          stoppedEarly = n !== opts.growth.at(-1);
          break;
        }
      }
      done(growthReport(opts, runs, stoppedEarly, { ...MAIN_VARS, growth: opts.growth }));
    });
  }

  if (want("open-loop")) {
    await attempt("open-loop", async () => {
      const runs: OpenLoopRun[] = [];
      let missedInARow = 0;
      let stoppedAfter: number | null = null;
      const { rates, seconds, echoSeconds, thinkMs, dashboards } = opts;
      const config = { ...MAIN_VARS, rates, seconds, echoSeconds, thinkMs, dashboards };
      for (const rate of opts.rates) {
        log(`open-loop: ${rate}/s for ${seconds} s (echo journey ${echoSeconds} s first), ${dashboards} dashboards`);
        // Each rate on a fresh runtime: partykit dev keeps every room it has started (see growth).
        const run = await withStack(`open-loop-${rate}`, opts, MAIN_VARS, true, (env) =>
          runOpenLoopRate(env, { rate, seconds, echoSeconds, thinkMs, dashboards, budgetMs: GUEST_DEADLINE_MS }),
        ).catch((err) => {
          crashes.push(`open-loop ${rate}/s crashed: ${(err as Error).message?.slice(0, 500)}`);
          return null;
        });
        if (!run) break;
        runs.push(run);
        const verdict = judgeRate(outcomesOf([run])[0]!);
        const said = verdict.passed ? "within limits" : verdict.reasons.join("; ");
        log(`open-loop: ${rate}/s → ${run.completed}/${run.guests} completed, ${said}`);
        missedInARow = verdict.passed ? 0 : missedInARow + 1;
        // Two misses in a row: the higher rates would only pile up more of the same overload.
        if (missedInARow >= 2 && rate !== opts.rates.at(-1)) {
          stoppedAfter = rate;
          break;
        }
      }
      if (runs.length) done(openLoopReport(opts, runs, floorFrom(costProbes, opts.outDir), stoppedAfter, config));
    });
  }

  if (want("soak")) {
    await attempt("soak", () =>
      withStack("soak", opts, MAIN_VARS, true, async (env) => {
        log(`soak: ${opts.soak} check-ins, ${opts.soakConcurrency} at a time, on one runtime`);
        const soakOpts = { checkins: opts.soak, concurrency: opts.soakConcurrency, deadlineMs: GUEST_DEADLINE_MS };
        const s = await runSoak(env, soakOpts);
        done(soakReport(opts, s, { ...MAIN_VARS, checkins: opts.soak, concurrency: opts.soakConcurrency }));
      }),
    );
  }

  if (want("faults")) {
    // The faults scenario measures outcomes, not latency: no warm-up. --quick shortens the
    // vendor's latency and retry cap so the smoke run stays under a minute; failures stay at 30%.
    const vars = {
      ...COMMON_VARS,
      ...FAULT_VARS,
      ...(opts.quick ? { SIM_LOCK_LATENCY_MS: "100-600", PIN_RETRY_MAX_MS: "1000" } : {}),
    };
    await attempt("faults", () =>
      withStack("faults", opts, vars, false, async (env) => {
        const f = await runFaults(env, {
          guests: opts.guests,
          restartGuests: opts.restartGuests,
          spreadMs: opts.quick ? 4_000 : 20_000,
          // Seam's `failed_to_set_on_device` comes minutes later on a real lock; seconds here.
          failAfterMs: opts.quick ? 2_000 : 5_000,
          settleMs: opts.quick ? 30_000 : 90_000,
        });
        done(faultsReport(opts, f, { ...shown(vars), guests: opts.guests, restartGuests: opts.restartGuests }));
      }),
    );
  }

  const findingsFile = join(REPO_ROOT, "bench/findings.md");
  writeSummary(opts.outDir, !opts.quick && existsSync(findingsFile) ? readFileSync(findingsFile, "utf8") : undefined);
  const goals = reports.flatMap((r) => r.goals.map((g) => ({ ...g, goal: `${r.scenario}: ${g.goal}` })));
  console.log(`\n${markdownTable(goalsTable(goals, "Goals vs measured"))}\n`);
  const failures = [...crashes, ...reports.flatMap((r) => r.failures)];
  log(`finished; results in ${opts.outDir}`);
  if (failures.length) {
    console.error(
      `[bench] FAILED (runtime warnings and errors: ${opts.outDir}/runtime-*.log):\n  ${failures.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
}

main().catch((err) => {
  const cause = (err as { cause?: unknown })?.cause;
  console.error(
    `[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}${cause ? `\ncause: ${String((cause as Error).stack ?? cause)}` : ""}`,
  );
  process.exitCode = 1;
});
