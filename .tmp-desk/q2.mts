import { createClient } from "@libsql/client/web";
const c = createClient({ url: "http://127.0.0.1:18555" });
const DAY = 86400000;
const now = Date.now();
await c.execute("CREATE INDEX IF NOT EXISTS x_cover ON checkin_analytics(property_id, started_at, step_reached, completed, device_type, completed_at)");
await c.execute("CREATE INDEX IF NOT EXISTS x_dev ON checkin_analytics(property_id, device_type, started_at, step_reached, completed)");
await c.execute("CREATE INDEX IF NOT EXISTS x_dur ON checkin_analytics(property_id, completed, (completed_at - started_at), started_at)");
const ranges = { d30: [now - 30 * DAY, now], d365: [now - 366 * DAY, now] };
const P = `property_id='prop-harbour' AND started_at >= ?1 AND started_at < ?2`;
const qs: Record<string, string> = {
  totals: `SELECT count(*) started, sum(step_reached>=2) s2, sum(step_reached>=3) s3, sum(step_reached>=4) s4, sum(completed) c FROM checkin_analytics INDEXED BY x_cover WHERE ${P}`,
  groupCover: `SELECT device_type, count(*) started, sum(step_reached>=2) s2, sum(step_reached>=3) s3, sum(step_reached>=4) s4, sum(completed) c FROM checkin_analytics INDEXED BY x_cover WHERE ${P} GROUP BY device_type`,
  groupIn: `SELECT device_type, count(*) started, sum(step_reached>=2) s2, sum(step_reached>=3) s3, sum(step_reached>=4) s4, sum(completed) c FROM checkin_analytics INDEXED BY x_dev WHERE property_id='prop-harbour' AND device_type IN ('mobile','tablet','desktop') AND started_at >= ?1 AND started_at < ?2 GROUP BY device_type`,
  medianSort: `SELECT completed_at - started_at d FROM checkin_analytics INDEXED BY x_cover WHERE ${P} AND completed = 1 ORDER BY d LIMIT 2 OFFSET 100`,
  medianSortBig: `SELECT completed_at - started_at d FROM checkin_analytics INDEXED BY x_cover WHERE ${P} AND completed = 1 ORDER BY d LIMIT 2 OFFSET 200000`,
  medianDur: `SELECT completed_at - started_at d FROM checkin_analytics INDEXED BY x_dur WHERE ${P} AND completed = 1 ORDER BY completed_at - started_at LIMIT 2 OFFSET 100`,
  medianDurBig: `SELECT completed_at - started_at d FROM checkin_analytics INDEXED BY x_dur WHERE ${P} AND completed = 1 ORDER BY completed_at - started_at LIMIT 2 OFFSET 200000`,
  dailyBucket: `SELECT (started_at - ?1) / ${DAY} day, count(*) n, sum(completed) c FROM checkin_analytics INDEXED BY x_cover WHERE ${P} GROUP BY day`,
};
for (const [rn, args] of Object.entries(ranges)) for (const [n, sql] of Object.entries(qs)) {
  const plan = await c.execute({ sql: "EXPLAIN QUERY PLAN " + sql, args });
  let best = Infinity; let r;
  for (let k = 0; k < 3; k++) { const t = performance.now(); r = await c.execute({ sql, args }); best = Math.min(best, performance.now() - t); }
  console.log(rn, n, best.toFixed(1), "ms", plan.rows.map((x: any) => x.detail).join(" | "), JSON.stringify(r!.rows[0]));
}
