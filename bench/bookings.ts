// Times the Bookings page's two heavy paths against a real stack (sqld + partykit dev):
// importing a 20,000-row CSV (preview, then commit) through the desk API, and listing
// a page of bookings once the property holds 100,000 (first page, a page deep in the
// range by cursor, and a name search). Results: bench/results/bookings.json.
//
//   npx tsx bench/bookings.ts [--rows 20000] [--total 100000] [--runs 5]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { addDays, todayIn } from "../db/seed";
import { DEFAULT_ADMIN } from "../scripts/config";
import { startStack } from "../scripts/stack";
import { deskBookingsResponse, deskImportResult } from "../shared/bookings-protocol";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = flag("rows", 20_000);
const TOTAL = flag("total", 100_000);
const RUNS = flag("runs", 5);
const PROPERTY = "prop-harbour";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function csv(rows: number, today: string): string {
  const lines = ["Booking ref,Room,Arrival,Departure,Guest name,Email"];
  for (let i = 0; i < rows; i++) {
    const arrival = addDays(today, (i % 400) - 200);
    lines.push(
      [
        `BN${String(i).padStart(8, "0")}`,
        `Room ${101 + (i % 21)}`,
        arrival,
        addDays(arrival, 1 + (i % 4)),
        `Guest Number${i}`,
        `g${i}@example.com`,
      ].join(","),
    );
  }
  return lines.join("\n");
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdoor-bench-bookings-"));
  const stack = await startStack({ dataDir, log: false, buildClient: false });
  const db = openDatabase(stack.libsqlUrl, stack.libsqlAuthToken);
  try {
    const login = await fetch(`${stack.url}/api/desk/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(DEFAULT_ADMIN),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    const today = todayIn("Europe/London");
    const file = csv(ROWS, today);
    const upload = (step: "preview" | "commit") =>
      fetch(`${stack.url}/api/desk/bookings/import/${step}?dateOrder=iso`, {
        method: "POST",
        headers: { cookie, "content-type": "text/csv" },
        body: file,
      }).then(async (r) => ({ status: r.status, body: deskImportResult.parse(await r.json()) }));

    const preview = await timed(() => upload("preview"));
    const commit = await timed(() => upload("commit"));
    const again = await timed(() => upload("commit"));
    if (commit.value.status !== 200 || commit.value.body.counts.new !== ROWS)
      throw new Error(`commit: ${JSON.stringify(commit.value.body.counts)}`);
    if (again.value.body.counts.unchanged !== ROWS)
      throw new Error(`re-import changed rows: ${JSON.stringify(again.value.body.counts)}`);

    // The rest of the 100,000 straight into the database, spread over three years.
    const more = TOTAL - ROWS - 21;
    await db.run(sql`
      with recursive n(i) as (select 0 union all select i + 1 from n where i < ${more - 1})
      insert into reservation (id, booking_ref, property_id, room_id, status, check_in_date, check_out_date,
        expected_guest_name, expected_guest_surname, source, created_at, updated_at)
      select 'res-bulk-' || i, 'BK' || printf('%08d', i), ${PROPERTY}, 'room-' || (101 + i % 21), 'confirmed',
        date(${today}, (i % 1095 - 730) || ' days'), date(${today}, (i % 1095 - 729) || ' days'),
        'Bulk Guest' || i, 'guest' || i, 'csv', 0, 0
      from n`);
    const [{ count }] = (await db.all(sql`select count(*) as count from reservation`)) as [{ count: number }];

    const list = async (query: string) => {
      const runs: number[] = [];
      let rows = 0;
      for (let r = 0; r < RUNS; r++) {
        const t = await timed(() =>
          fetch(`${stack.url}/api/desk/bookings?${query}`, { headers: { cookie } }).then((res) => res.json()),
        );
        rows = deskBookingsResponse.parse(t.value).bookings.length;
        runs.push(t.ms);
      }
      return { query, rows, medianMs: Math.round(median(runs)), runsMs: runs.map(Math.round) };
    };
    const range = `from=${addDays(today, -730)}&to=${addDays(today, 365)}`;
    const first = await list(range);
    const deep = await list(`${range}&after=${addDays(today, 0)}~BN00000000`);
    const search = await list("q=guest5");
    const byRef = await list("q=BK000123");

    const results = {
      at: new Date().toISOString(),
      machine: "2 shared cores",
      import: {
        rows: ROWS,
        bytes: Buffer.byteLength(file),
        previewMs: Math.round(preview.ms),
        commitMs: Math.round(commit.ms),
        reimportUnchangedMs: Math.round(again.ms),
      },
      list: {
        reservations: count,
        pageSize: 50,
        firstPage: first,
        deepPage: deep,
        nameSearch: search,
        refSearch: byRef,
      },
    };
    console.log(JSON.stringify(results, null, 2));
    mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
    writeFileSync(join(import.meta.dirname, "results", "bookings.json"), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    db.$client.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
