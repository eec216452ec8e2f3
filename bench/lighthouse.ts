// `npm run bench:lighthouse`: Lighthouse's mobile run (its default: a mid-range phone,
// simulated slow 4G) on the guest's first page, /checkin/, served by a stack of its own
// with a fresh client build. Reports LCP, FCP, TBT, CLS, total bytes and the performance
// score, the median of a few runs, as a table and as bench/results/lighthouse.json
// (summary.md in that directory is rebuilt with it). Timings are reported, not asserted; the exit code is
// non-zero only when Lighthouse could not measure the page.
//
//   npm run bench:lighthouse                 # 3 runs
//   npm run bench:lighthouse -- --runs 5 --out /tmp/lh
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { REPO_ROOT, startStack } from "../scripts/stack";
import {
  goalsTable,
  machine,
  markdownTable,
  ms,
  writeScenario,
  writeSummary,
  type Goal,
  type ScenarioReport,
} from "./lib/report";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PAGE = "/checkin/";
const LCP_GOAL_MS = 1200;

interface LighthouseRun {
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  totalBytes: number;
  score: number;
  /** Lighthouse's measure of how fast this machine was during the run (higher is faster). */
  benchmarkIndex: number;
}

const USAGE = "usage: npm run bench:lighthouse -- [--runs N] [--out DIR]";

function parseArgs(argv: string[]): { runs: number; outDir: string } {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0 && (argv[i + 1] === undefined || argv[i + 1]!.startsWith("--"))) throw new Error(USAGE);
    return i < 0 ? undefined : argv[i + 1];
  };
  for (const a of argv)
    if (a.startsWith("--") && a !== "--runs" && a !== "--out") throw new Error(`unknown flag ${a}\n${USAGE}`);
  const runs = Number(value("runs") ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(USAGE);
  return { runs, outDir: value("out") ?? join(REPO_ROOT, "bench/results") };
}

async function measure(url: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error("Lighthouse returned no result");
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const value = (audit: string) => {
      const v = lhr.audits[audit]?.numericValue;
      if (v === undefined) throw new Error(`Lighthouse measured no ${audit}`);
      return v;
    };
    return {
      lcpMs: value("largest-contentful-paint"),
      fcpMs: value("first-contentful-paint"),
      tbtMs: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      totalBytes: value("total-byte-weight"),
      score: lhr.categories.performance?.score ?? NaN,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    await chrome.kill();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const { runs, outDir } = parseArgs(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), "frontdoor-lighthouse-"));
  const lines: string[] = [];
  const stack = await startStack({
    dataDir,
    clientDir: join(dataDir, "client"),
    buildClient: true,
    log: (l) => lines.push(l),
  }).catch((err) => {
    console.error(lines.slice(-40).join("\n"));
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  const measured: LighthouseRun[] = [];
  try {
    const url = `${stack.url}${PAGE}`;
    // One untimed load, so the first measured run does not pay for the runtime's cold start.
    await fetch(url).then((r) => r.text());
    for (let i = 0; i < runs; i++) {
      const run = await measure(url);
      console.log(
        `[lighthouse] run ${i + 1}/${runs}: LCP ${ms(run.lcpMs)} ms, FCP ${ms(run.fcpMs)} ms, ` +
          `TBT ${ms(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)}, ${run.totalBytes} bytes, score ${run.score}`,
      );
      measured.push(run);
    }
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const m = (k: keyof LighthouseRun) => median(measured.map((r) => r[k]));
  const goals: Goal[] = [
    {
      goal: "LCP (median)",
      target: `≤ ${LCP_GOAL_MS} ms`,
      measured: `${ms(m("lcpMs"))} ms`,
      met: m("lcpMs") <= LCP_GOAL_MS,
    },
    { goal: "CLS (median)", target: "0", measured: m("cls").toFixed(3), met: m("cls") === 0 },
    { goal: "performance score (median)", target: "1.0", measured: m("score").toFixed(2), met: m("score") >= 1 },
  ];
  const report: ScenarioReport = {
    benchReport: 1,
    machine: machine(),
    quick: false,
    config: {
      page: PAGE,
      runs,
      formFactor: "mobile",
      throttling: "Lighthouse default (simulated slow 4G, 4× CPU slowdown)",
      chromium: CHROMIUM,
    },
    scenario: "lighthouse",
    title: `9. Lighthouse mobile on ${PAGE}`,
    tables: [
      {
        title: `Lighthouse 12.2.3, mobile, median of ${runs}`,
        headers: ["measure", "median", ...measured.map((_, i) => `run ${i + 1}`)],
        rows: [
          ["LCP (ms)", ms(m("lcpMs")), ...measured.map((r) => ms(r.lcpMs))],
          ["FCP (ms)", ms(m("fcpMs")), ...measured.map((r) => ms(r.fcpMs))],
          ["TBT (ms)", ms(m("tbtMs")), ...measured.map((r) => ms(r.tbtMs))],
          ["CLS", m("cls").toFixed(3), ...measured.map((r) => r.cls.toFixed(3))],
          ["total bytes", Math.round(m("totalBytes")), ...measured.map((r) => r.totalBytes)],
          ["performance score", m("score").toFixed(2), ...measured.map((r) => r.score.toFixed(2))],
          [
            "machine benchmark index",
            Math.round(m("benchmarkIndex")),
            ...measured.map((r) => Math.round(r.benchmarkIndex)),
          ],
        ],
        note:
          "Simulated throttling: Lighthouse loads the page at full speed and models a slow phone on slow 4G from it. " +
          "The CPU time it observes is scaled up, so a busy machine (a low benchmark index) inflates TBT, FCP and LCP.",
      },
      goalsTable(goals),
    ],
    goals,
    failures: [],
    data: { runs: measured },
  };
  mkdirSync(outDir, { recursive: true });
  writeScenario(outDir, report);
  const findings = join(REPO_ROOT, "bench/findings.md");
  writeSummary(outDir, existsSync(findings) ? readFileSync(findings, "utf8") : undefined);
  for (const t of report.tables) console.log(`\n${markdownTable(t)}`);
  console.log(`\nwrote ${join(outDir, "lighthouse.json")}`);
}

main().catch((err) => {
  console.error(`[lighthouse] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
