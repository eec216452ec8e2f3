import { createClient } from "@libsql/client/web";
import { applyMigrations } from "/work/main/db/migrate";
const url = "http://127.0.0.1:18555";
await applyMigrations(url);
const c = createClient({ url });
const now = Date.now();
const DAY = 86400000;
const SPAN = 365 * DAY;
let t = performance.now();
const N = 1_000_000, B = 100_000;
const start = now - SPAN;
for (let s = 0; s < N; s += B) {
  await c.execute({ sql: `
WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?),
g AS (SELECT i, (i * 2654435761) % 4294967296 AS h FROM n)
INSERT INTO checkin_analytics (session_id, booking_ref, property_id, step_reached, completed, device_type, started_at, completed_at)
SELECT printf('bench%010d', i), printf('BR%08d', i), CASE WHEN h % 10 = 0 THEN 'prop-other' ELSE 'prop-harbour' END,
  CASE WHEN h % 100 < 15 THEN 1 WHEN h % 100 < 27 THEN 2 WHEN h % 100 < 35 THEN 3 ELSE 4 END,
  h % 100 >= 40,
  CASE (h / 100) % 10 WHEN 0 THEN 'tablet' WHEN 1 THEN 'desktop' WHEN 2 THEN 'desktop' WHEN 3 THEN 'desktop' ELSE 'mobile' END,
  ? + i * ${SPAN / N},
  CASE WHEN h % 100 >= 40 THEN ? + i * ${SPAN / N} + 30000 + (h / 7) % 600000 END
FROM g`, args: [s, s + B - 1, start, start] });
}
console.log("load ms", performance.now() - t);
console.log((await c.execute("select count(*), min(started_at), max(started_at) from checkin_analytics")).rows);
