import { createClient } from "@libsql/client/web";
const c = createClient({ url: "http://127.0.0.1:18555" });
const DAY = 86400000;
const now = Date.now();
for (const x of ["x_cover", "x_dev", "x_dur"]) await c.execute(`DROP INDEX IF EXISTS ${x}`);
await c.execute("CREATE INDEX IF NOT EXISTS a_dev ON checkin_analytics(property_id, device_type, started_at, step_reached, completed)");
await c.execute(`CREATE INDEX IF NOT EXISTS a_dur ON checkin_analytics(property_id, "completed_at" - "started_at", started_at) WHERE completed = 1`);
function days(n: number) { const out: number[] = []; const s = now - n * DAY; for (let i = 0; i < n; i++) out.push(i, s + i * DAY, s + (i + 1) * DAY); return out; }
const ranges: Record<string, [number, number, number]> = { d30: [now - 30 * DAY, now, 30], d365: [now - 366 * DAY, now, 366], d1: [now - DAY, now, 1] };
const IN = `"checkin_analytics"."property_id"='prop-harbour' AND "checkin_analytics"."device_type" IN ('mobile','tablet','desktop')`;
const vals = (n: number) => Array.from({ length: n }, (_, i) => `(?${3 * i + 1}, ?${3 * i + 2}, ?${3 * i + 3})`).join(",");
const qs: Record<string, (n: number) => string> = {
  device: () => `SELECT device_type, count(*) started, sum(step_reached>=2) s2, sum(step_reached>=3) s3, sum(step_reached>=4) s4, sum(completed) c FROM checkin_analytics WHERE ${IN} AND started_at >= ?1 AND started_at < ?2 GROUP BY device_type`,
  daily: (n) => `WITH days(day, s, e) AS (VALUES ${vals(n)}) SELECT day, (SELECT count(*) FROM checkin_analytics WHERE ${IN} AND started_at >= days.s AND started_at < days.e) n, (SELECT coalesce(sum(completed),0) FROM checkin_analytics WHERE ${IN} AND started_at >= days.s AND started_at < days.e) c FROM days ORDER BY day`,
  median: () => `SELECT "checkin_analytics"."completed_at" - "checkin_analytics"."started_at" d FROM checkin_analytics WHERE "checkin_analytics"."property_id"='prop-harbour' AND completed = 1 AND started_at >= ?1 AND started_at < ?2 ORDER BY "checkin_analytics"."completed_at" - "checkin_analytics"."started_at" LIMIT 2 OFFSET 20000`,
};
for (const [rn, [a, b, nd]] of Object.entries(ranges)) for (const [n, mk] of Object.entries(qs)) {
  const sql = mk(nd);
  const args = n.startsWith("daily") ? days(nd) : [a, b];
  const plan = await c.execute({ sql: "EXPLAIN QUERY PLAN " + sql, args });
  let best = Infinity; let r;
  for (let k = 0; k < 3; k++) { const t = performance.now(); r = await c.execute({ sql, args }); best = Math.min(best, performance.now() - t); }
  console.log(rn, n, best.toFixed(1), "ms", plan.rows.map((x: any) => x.detail).join(" | "), JSON.stringify(r!.rows[0]));
}
