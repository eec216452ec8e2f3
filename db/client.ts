// One way to reach the database from every runtime (workerd parties, Node scripts,
// tests, benchmarks): libSQL's HTTP protocol through drizzle. Local sqld and Turso
// differ only in URL and token.
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

export type Database = ReturnType<typeof openDatabase>;

/**
 * Queries in flight at once from one isolate, per lane. SQLite has one writer: with 32
 * or more write transactions contending, sqld spent its CPU spinning on the lock (two
 * cores, 40+ threads busy) and stopped answering; past 128 connections it answers 429.
 * Work nobody waits for (analytics) has a lane of its own, so a burst of it never
 * queues ahead of a guest's lookup or check-in.
 */
const LANE_CAPACITY = { guest: 12, background: 4 } as const;
export type QueryLane = keyof typeof LANE_CAPACITY;
const RETRIES_ON_429 = 8;

export function openDatabase(url: string, authToken?: string, lane: QueryLane = "guest") {
  const client = createClient({
    url,
    authToken: authToken || undefined,
    // @libsql/client's own queue (`concurrency`, default 20) starts a queued query from
    // inside the request whose query just finished. In workerd one client serves every
    // request of the isolate, so that fetch runs on behalf of the wrong request and is
    // refused ("Cannot perform I/O on behalf of a different request"); the queued
    // request hangs. Switch it off and bound concurrency in `fetch`, below.
    concurrency: Number.MAX_SAFE_INTEGER,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => boundedFetch(lanes[lane], input, init),
  });
  return drizzle(client, { schema });
}

interface Lane {
  capacity: number;
  inFlight: number;
  /** Waiters in arrival order. Admitting out of order starved some queries: a lookup p99 of 21.8 s instead of 3.4 s at 500 guests. */
  line: Waiter[];
}
interface Waiter {
  lastPolledAt: number;
}
const lanes: Record<QueryLane, Lane> = {
  guest: { capacity: LANE_CAPACITY.guest, inFlight: 0, line: [] },
  background: { capacity: LANE_CAPACITY.background, inFlight: 0, line: [] },
};
/** A waiter that stopped polling belonged to a request the runtime cancelled; it must not block the line. */
const ABANDONED_AFTER_MS = 5_000;
const MAX_POLL_GAP_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most `capacity` requests at once, admitted first come, first served, and 429s
 * retried. A waiter polls with a timer of its own instead of being woken by the request
 * that finishes: in workerd a promise resolved by another request continues in *that*
 * request's context, where this request's fetch is refused. Those near the front poll
 * every millisecond, those far back less often, so a long line costs little CPU.
 */
async function boundedFetch(lane: Lane, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  // Buffered once so a retry can send it again. Not `request.clone()`: that tees the
  // body, and workerd warns (through the inspector, to partykit dev's log) about every
  // branch never read — a console warning per query.
  const request = new Request(input, init);
  const body = request.body ? await request.arrayBuffer() : null;
  for (let attempt = 0; ; attempt++) {
    if (lane.line.length > 0 || lane.inFlight >= lane.capacity) await waitForTurn(lane);
    lane.inFlight++;
    let res: Response;
    try {
      res = await fetch(request.url, { method: request.method, headers: request.headers, body });
    } finally {
      lane.inFlight--;
    }
    // sqld could not open a connection in time: nothing ran, so trying again is safe.
    if (res.status !== 429 || attempt >= RETRIES_ON_429) return res;
    await res.body?.cancel();
    await sleep(Math.random() * Math.min(4_000, 100 * 2 ** attempt));
  }
}

async function waitForTurn(lane: Lane): Promise<void> {
  const { line } = lane;
  const me: Waiter = { lastPolledAt: Date.now() };
  line.push(me);
  try {
    for (;;) {
      const now = Date.now();
      me.lastPolledAt = now;
      let position = line.indexOf(me);
      while (position > 0 && now - line[0]!.lastPolledAt > ABANDONED_AFTER_MS) {
        line.shift();
        position--;
      }
      // As many go as there are free places, in order: the front few need not wait for each other's timers.
      if (position < lane.capacity - lane.inFlight) return;
      await sleep(Math.min(MAX_POLL_GAP_MS, 1 + position / 2));
    }
  } finally {
    const at = line.indexOf(me);
    if (at >= 0) line.splice(at, 1);
  }
}
