import { createClient } from "@libsql/client/web";
const c = createClient({ url: "http://127.0.0.1:18555" });
const DAY = 86400000;
const now = Date.now();
const ranges = { d30: [now - 30 * DAY, now], d365: [now - 366 * DAY, now] };
const qs: Record<string, string> = {
  funnelDev: `SELECT device_type, count(*) started, sum(step_reached>=2) s2, sum(step_reached>=3) s3, sum(step_reached>=4) s4, sum(completed) c FROM checkin_analytics WHERE property_id='prop-harbour' AND started_at >= ?1 AND started_at < ?2 GROUP BY device_type`,
  funnelAll: `SELECT device_type, count(*) started, sum(step_reached>=2) s2, sum(step_reached>=3) s3, sum(step_reached>=4) s4, sum(completed) c FROM checkin_analytics WHERE started_at >= ?1 AND started_at < ?2 GROUP BY device_type`,
  median: `SELECT completed_at - started_at d FROM checkin_analytics WHERE property_id='prop-harbour' AND started_at >= ?1 AND started_at < ?2 AND completed = 1 ORDER BY d LIMIT 2 OFFSET (SELECT count(*) FROM checkin_analytics WHERE property_id='prop-harbour' AND started_at >= ?1 AND started_at < ?2 AND completed = 1)/2`,
};
for (const [rn, args] of Object.entries(ranges)) for (const [n, sql] of Object.entries(qs)) {
  const plan = await c.execute({ sql: "EXPLAIN QUERY PLAN " + sql, args });
  let best = Infinity; let r;
  for (let k = 0; k < 3; k++) { const t = performance.now(); r = await c.execute({ sql, args }); best = Math.min(best, performance.now() - t); }
  console.log(rn, n, best.toFixed(1), "ms", plan.rows.map((x: any) => x.detail).join(" | "), JSON.stringify(r!.rows[0]));
}
