// Diagnostic: what one hop costs in this runtime. Each probe repeats one kind of request
// and divides the CPU every process used by the count, so the check-in's CPU per
// completed guest can be read as "so many hops of these kinds". Not a goal, an explanation.
import { sql } from "drizzle-orm";
import { INTERNAL_AUTH_HEADER } from "../../shared/protocol/internal";
import type { LimiterRequest } from "../../party/limiter/server";
import { cpuDelta, cpuSample } from "../lib/cpu";
import type { BenchEnv } from "../lib/env";
import { mapLimit } from "../lib/pool";
import { BenchSocket } from "../lib/socket";

export interface CostProbe {
  probe: string;
  count: number;
  wallMs: number;
  /** CPU ms per operation, by process. */
  perOpMs: Record<string, number>;
}

const CONCURRENCY = 20;

/**
 * A pooled keep-alive connection the server has just closed fails the next request on it
 * ("other side closed"); on a busy machine that happens now and then. A probe prices a hop,
 * so such a request is sent again on a fresh connection instead of ending the scenario.
 */
async function onceMore<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (!(err instanceof TypeError) || err.message !== "fetch failed") throw err;
    return op();
  }
}

export async function runCosts(env: BenchEnv, scale: number): Promise<CostProbe[]> {
  const tag = Date.now().toString(36);
  const probes: CostProbe[] = [];
  const measure = async (probe: string, count: number, op: (i: number) => Promise<unknown>) => {
    const before = cpuSample(env.stack.port, env.stack.libsqlUrl);
    const t0 = performance.now();
    await mapLimit(
      Array.from({ length: count }, (_, i) => i),
      CONCURRENCY,
      (i) => onceMore(() => op(i)),
    );
    const wallMs = performance.now() - t0;
    const { perProcessMs } = cpuDelta(before, cpuSample(env.stack.port, env.stack.libsqlUrl), wallMs);
    probes.push({
      probe,
      count,
      wallMs: Math.round(wallMs),
      perOpMs: Object.fromEntries(
        Object.entries(perProcessMs).map(([k, v]) => [k, Math.round((v / count) * 100) / 100]),
      ),
    });
  };
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${env.baseUrl}${path}`, init);
    await res.text();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  };
  const n = Math.max(50, Math.round(500 * scale));
  const limiter = (key: string) =>
    get(`/parties/limiter/${key}`, {
      method: "POST",
      headers: { [INTERNAL_AUTH_HEADER]: env.secret, "content-type": "application/json" },
      body: JSON.stringify({ buckets: [{ name: "", limit: 1_000_000, windowMs: 60_000 }] } satisfies LimiterRequest),
    });

  await measure("HTTP to the main party, no I/O (404)", n, () =>
    fetch(`${env.baseUrl}/api/no-such-route`).then((r) => r.text()),
  );
  await measure("HTTP to the main party + one libSQL query (/healthz)", n, () => get("/healthz"));
  await measure("HTTP to an existing room (echo)", n, (i) => get(`/parties/echo/cost-${tag}-${i % 10}`));
  await measure("HTTP to a new room (echo)", n, (i) => get(`/parties/echo/cost-${tag}-new-${i}`));
  await measure("HTTP to an existing room + storage write (limiter)", n, (i) => limiter(`cost-${tag}-${i % 10}`));
  await measure("HTTP to a new room + storage write (limiter)", n, (i) => limiter(`cost-${tag}-new-${i}`));

  const sockets = await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      let waiter: (() => void) | undefined;
      const s = new BenchSocket(
        `${env.wsBase}/parties/echo/cost-${tag}-ws-${i}`,
        { onMessage: () => waiter?.(), onFatal: () => waiter?.() },
        { reconnect: false, deadline: Infinity },
      );
      await s.open();
      return { s, next: () => new Promise<void>((resolve) => (waiter = resolve)) };
    }),
  );
  const payload = "x".repeat(600);
  const perSocket = Math.ceil((n * 4) / CONCURRENCY);
  // One sequential stream of round trips per socket, so a reply always belongs to the one waiting send.
  await measure("websocket message round trip (echo)", CONCURRENCY, async (i) => {
    const sock = sockets[i]!;
    for (let k = 0; k < perSocket; k++) {
      const reply = sock.next();
      sock.s.send(payload);
      await reply;
    }
  });
  const ws = probes.at(-1)!;
  ws.count = perSocket * CONCURRENCY;
  ws.perOpMs = Object.fromEntries(
    Object.entries(ws.perOpMs).map(([k, v]) => [k, Math.round(((v * CONCURRENCY) / ws.count) * 1000) / 1000]),
  );
  for (const { s } of sockets) s.close();

  // The database on its own, from this process: how many one-row write transactions
  // sqld commits per second, one at a time and 16 at a time.
  await env.db.run(sql`create table if not exists bench_scratch (id integer primary key, n integer not null)`);
  await env.db.run(sql`insert or ignore into bench_scratch (id, n) values (1, 0)`);
  const writes = Math.max(50, Math.round(300 * scale));
  for (const inFlight of [1, 16]) {
    const t0 = performance.now();
    await mapLimit(Array.from({ length: writes }), inFlight, () =>
      env.db.run(sql`update bench_scratch set n = n + 1 where id = 1`),
    );
    const wallMs = performance.now() - t0;
    probes.push({
      probe: `libSQL one-row write from Node, ${inFlight} in flight: ${Math.round((writes / wallMs) * 1000)} writes/s`,
      count: writes,
      wallMs: Math.round(wallMs),
      perOpMs: { "wall ms per write": Math.round((wallMs / writes) * 100) / 100 },
    });
  }
  return probes;
}
