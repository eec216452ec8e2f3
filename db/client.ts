// One way to reach the database from every runtime (workerd parties, Node scripts,
// tests, benchmarks): libSQL's HTTP protocol through drizzle. Local sqld and Turso
// differ only in URL and token.
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

export type Database = ReturnType<typeof openDatabase>;

/**
 * Queries in flight at once from one isolate. sqld answers reads in parallel, but SQLite
 * has one writer: measured from Node against the local sqld, one-row upserts ran at 235/s
 * one at a time, 440-460/s with 4-6 concurrent, 34/s with 12 (writers spinning on the
 * lock), and 8 looping writers hit SQLITE_BUSY. So writes pass a narrower gate of their
 * own. From workerd a query stays "in flight" while the busy isolate gets round to its
 * answer too, so the gate that served best in the 500-guest bench is wider than Node's
 * optimum: 8 (4 doubled the wait for the guest write; 24 reads doubled every query's
 * time in flight). A rare SQLITE_BUSY is retried by the callers (alarm, background sync).
 * Past 128 connections sqld answers 429.
 */
export const GATE_CAPACITY = { read: 12, write: 8 } as const;
/** Work a guest is waiting on goes first; `background` (analytics) takes what is left. */
export type QueryPriority = "guest" | "background";
const RETRIES_ON_429 = 8;

export function openDatabase(url: string, authToken?: string, priority: QueryPriority = "guest") {
  const client = createClient({
    url,
    authToken: authToken || undefined,
    // @libsql/client's own queue (`concurrency`, default 20) starts a queued query from
    // inside the request whose query just finished. In workerd one client serves every
    // request of the isolate, so that fetch runs on behalf of the wrong request and is
    // refused ("Cannot perform I/O on behalf of a different request"); the queued
    // request hangs. Switch it off and bound concurrency in `fetch`, below.
    concurrency: Number.MAX_SAFE_INTEGER,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => boundedFetch(priority, input, init),
  });
  return drizzle(client, { schema });
}

interface Gate {
  capacity: number;
  inFlight: number;
  /** Waiters in arrival order, per priority. Admitting out of order starved some queries: a lookup p99 of 21.8 s instead of 3.4 s at 500 guests. */
  lines: Record<QueryPriority, Waiter[]>;
}
interface Waiter {
  lastPolledAt: number;
}
const newGate = (capacity: number): Gate => ({ capacity, inFlight: 0, lines: { guest: [], background: [] } });
/** Module state, so the bounds hold for every room of the isolate whichever client instance they use. */
const gates = { read: newGate(GATE_CAPACITY.read), write: newGate(GATE_CAPACITY.write) };
/** A waiter that stopped polling belonged to a request the runtime cancelled; it must not block the line. */
const ABANDONED_AFTER_MS = 5_000;
const MAX_POLL_GAP_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const decoder = new TextDecoder();
/**
 * Whether a pipeline may write. The body is Hrana JSON or protobuf; either way the SQL
 * text is in it verbatim. A parameter that happens to contain one of these words only
 * sends a read through the write gate, which is slower but never wrong.
 */
const WRITE_SQL = /\b(insert|update|delete|replace|begin|commit|create|drop|alter)\s/i;

/**
 * Each query waits at its gate for a free place, first come first served within its
 * priority, and 429s are retried. A waiter polls with a timer of its own instead of being
 * woken by the request that finishes: in workerd a promise resolved by another request
 * continues in *that* request's context, where this request's fetch is refused. Those
 * near the front poll every millisecond, those far back less often.
 */
/** Exported for the tests of the gates; everything else goes through `openDatabase`. */
export async function boundedFetch(priority: QueryPriority, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  // Buffered once so a retry can send it again. Not `request.clone()`: that tees the
  // body, and workerd warns (through the inspector, to partykit dev's log) about every
  // branch never read — a console warning per query.
  const request = new Request(input, init);
  const body = request.body ? await request.arrayBuffer() : null;
  const gate = body && WRITE_SQL.test(decoder.decode(body)) ? gates.write : gates.read;
  for (let attempt = 0; ; attempt++) {
    await waitForTurn(gate, priority);
    let res: Response;
    try {
      res = await fetch(request.url, { method: request.method, headers: request.headers, body });
    } finally {
      gate.inFlight--;
    }
    // sqld could not open a connection in time: nothing ran, so trying again is safe.
    if (res.status !== 429 || attempt >= RETRIES_ON_429) return res;
    await res.body?.cancel();
    await sleep(Math.random() * Math.min(4_000, 100 * 2 ** attempt));
  }
}

/** Places ahead of `me`: everyone earlier in its own line, and for background work every waiting guest query too. */
function placesAhead(gate: Gate, priority: QueryPriority, me: Waiter, now: number): number {
  const line = gate.lines[priority];
  let position = line.indexOf(me);
  while (position > 0 && now - line[0]!.lastPolledAt > ABANDONED_AFTER_MS) {
    line.shift();
    position--;
  }
  return priority === "background" ? position + gate.lines.guest.length : position;
}

/** Resolves holding a place: the place is taken in the same turn as the check, so two callers can never both take the last one. */
async function waitForTurn(gate: Gate, priority: QueryPriority): Promise<void> {
  const free = () => gate.capacity - gate.inFlight;
  const queued = gate.lines.guest.length + (priority === "background" ? gate.lines.background.length : 0);
  if (queued === 0 && free() > 0) {
    gate.inFlight++;
    return;
  }
  const line = gate.lines[priority];
  const me: Waiter = { lastPolledAt: Date.now() };
  line.push(me);
  try {
    for (;;) {
      const now = Date.now();
      me.lastPolledAt = now;
      const ahead = placesAhead(gate, priority, me, now);
      // As many go as there are free places, in order: the front few need not wait for each other's timers.
      if (ahead < free()) {
        gate.inFlight++;
        return;
      }
      await sleep(Math.min(MAX_POLL_GAP_MS, 1 + ahead / 2));
    }
  } finally {
    const at = line.indexOf(me);
    if (at >= 0) line.splice(at, 1);
  }
}
