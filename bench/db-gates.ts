// `npx tsx bench/db-gates.ts [module]`: what the query gates cost while many queries wait.
// N writes at once go through `boundedFetch` to a stand-in `fetch` that answers each after
// HOLD_MS; it counts the timer callbacks the gates run and the CPU used until all have
// answered, and the most in flight at once. Node, not workerd: a timer wake-up costs more
// in workerd (the isolate lock and a request context to enter), so the counts matter
// more than the milliseconds here. `module` is a path to another client
// (e.g. an older db/client.ts copied next to the current one) to compare against.
import { resolve } from "node:path";

const QUERIES = Number(process.env.QUERIES ?? 500);
const HOLD_MS = Number(process.env.HOLD_MS ?? 20);
const modulePath = resolve(process.argv[2] ?? "db/client.ts");

// The database: each query answers HOLD_MS after it was sent, on timers not counted below.
const realSetTimeout = globalThis.setTimeout;
let inFlight = 0;
let maxInFlight = 0;
globalThis.fetch = async () => {
  maxInFlight = Math.max(maxInFlight, ++inFlight);
  await new Promise((done) => realSetTimeout(done, HOLD_MS));
  inFlight--;
  return new Response("{}");
};
const url = "http://db.invalid/v2/pipeline";

let timerCallbacks = 0;
globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
  realSetTimeout(
    (...a: unknown[]) => {
      timerCallbacks++;
      callback(...a);
    },
    ms,
    ...args,
  )) as typeof setTimeout;

const { boundedFetch } = (await import(modulePath)) as typeof import("../db/client");
const body = (i: number) =>
  JSON.stringify({ requests: [{ type: "execute", stmt: { sql: `insert into t values (${i})` } }] });

// One round to warm up (module loading, JIT), then the measured one.
for (const measured of [false, true]) {
  timerCallbacks = 0;
  maxInFlight = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: QUERIES }, (_, i) =>
      boundedFetch("guest", url, { method: "POST", body: body(i) }).then((r) => r.text()),
    ),
  );
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (measured) {
    console.log(
      `${QUERIES} writes held ${HOLD_MS} ms each: wall ${wallMs.toFixed(0)} ms, timer callbacks ${timerCallbacks}, ` +
        `CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, most in flight ${maxInFlight}`,
    );
  }
}
