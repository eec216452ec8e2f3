import { createClient } from "@libsql/client/web";
const c = createClient({ url: "http://127.0.0.1:18555" });
const DAY = 86400000;
const now = Date.now();
function days(n: number) { const out: number[] = []; const s = now - n * DAY; for (let i = 0; i < n; i++) out.push(i, s + i * DAY, s + (i + 1) * DAY); return out; }
const ranges: Record<string, [number, number, number]> = { d30: [now - 30 * DAY, now, 30], d365: [now - 366 * DAY, now, 366] };
const P = `property_id='prop-harbour' AND started_at >= ?1 AND started_at < ?2`;
const dev = (d: string) => `sum(device_type='${d}') ${d}_n, sum(device_type='${d}' AND step_reached>=2) ${d}_2, sum(device_type='${d}' AND step_reached>=3) ${d}_3, sum(device_type='${d}' AND step_reached>=4) ${d}_4, sum(device_type='${d}' AND completed) ${d}_c`;
const vals = (n: number) => Array.from({ length: n }, (_, i) => `(?${3 * i + 1}, ?${3 * i + 2}, ?${3 * i + 3})`).join(",");
const qs: Record<string, (n: number) => string> = {
  condAgg: () => `SELECT ${dev("mobile")}, ${dev("tablet")}, ${dev("desktop")} FROM checkin_analytics INDEXED BY x_cover WHERE ${P}`,
  dailyJoin: (n) => `WITH days(day, s, e) AS (VALUES ${vals(n)}) SELECT day, count(a.started_at) n, coalesce(sum(a.completed),0) c FROM days LEFT JOIN checkin_analytics a INDEXED BY x_cover ON a.property_id='prop-harbour' AND a.started_at >= days.s AND a.started_at < days.e GROUP BY day ORDER BY day`,
  dailySub: (n) => `WITH days(day, s, e) AS (VALUES ${vals(n)}) SELECT day, (SELECT count(*) FROM checkin_analytics a INDEXED BY x_cover WHERE a.property_id='prop-harbour' AND a.started_at >= days.s AND a.started_at < days.e) n, (SELECT coalesce(sum(completed),0) FROM checkin_analytics a INDEXED BY x_cover WHERE a.property_id='prop-harbour' AND a.started_at >= days.s AND a.started_at < days.e) c FROM days ORDER BY day`,
};
for (const [rn, [a, b, nd]] of Object.entries(ranges)) for (const [n, mk] of Object.entries(qs)) {
  const sql = mk(nd);
  const args = n.startsWith("daily") ? days(nd) : [a, b];
  const plan = await c.execute({ sql: "EXPLAIN QUERY PLAN " + sql, args });
  let best = Infinity; let r;
  for (let k = 0; k < 3; k++) { const t = performance.now(); r = await c.execute({ sql, args }); best = Math.min(best, performance.now() - t); }
  console.log(rn, n, best.toFixed(1), "ms", plan.rows.map((x: any) => x.detail).join(" | "), JSON.stringify(r!.rows[1]));
}
