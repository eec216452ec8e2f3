// One way to reach the database from every runtime (workerd parties, Node scripts,
// tests, benchmarks): libSQL's HTTP protocol through drizzle. Local sqld and Turso
// differ only in URL and token.
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";
import { QueryScheduler, type GateKind, type QueryPriority } from "./scheduler";

export type Database = ReturnType<typeof openDatabase>;

/**
 * Queries in flight at once from one isolate. sqld answers reads in parallel, but SQLite
 * has one writer: measured from Node against the local sqld, one-row upserts ran at 235/s
 * one at a time, 440-460/s with 4-6 concurrent, 34/s with 12 (writers spinning on the
 * lock), and 8 looping writers hit SQLITE_BUSY. So writes pass a narrower gate of their
 * own. From workerd a query stays "in flight" while the busy isolate gets round to its
 * answer too, so the gate that served best in the 500-guest bench is wider than Node's
 * optimum (a narrower write gate doubled the wait for the guest write; a wider read gate
 * doubled every query's time in flight). A rare SQLITE_BUSY is retried by the callers
 * (alarm, background sync). Past 128 connections sqld answers 429.
 */
export const GATE_CAPACITY = { read: 12, write: 8 } as const;
export type { QueryPriority };
const RETRIES_ON_429 = 8;
/** Module state, so the bounds hold for every room of the isolate whichever client instance they use. */
const scheduler = new QueryScheduler(GATE_CAPACITY);

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

/**
 * Which gate a Hrana JSON pipeline needs: the read gate only if every statement in it is
 * a `select`, or a `with` that writes nothing. Each statement's text follows a `"sql":"`
 * key, which JSON escaping keeps out of parameter values, so a parameter never moves a
 * query. A pipeline naming no SQL (a `close`) only reads. Anything else, `begin` and
 * `commit` of a transaction included, takes the write gate: slower for a read, never wrong.
 */
export function gateFor(body: string): GateKind {
  const key = '"sql":"';
  for (let at = body.indexOf(key); at >= 0; at = body.indexOf(key, at + key.length)) {
    const statement = jsonStringAt(body, at + key.length)
      .trimStart()
      .toLowerCase();
    const reads = /^select\s/.test(statement) || (/^with\s/.test(statement) && !WRITE_VERB.test(statement));
    if (!reads) return "write";
  }
  return body.includes('"sql_id"') ? "write" : "read";
}

const WRITE_VERB = /\b(insert|update|delete|replace)\b/;

/** The raw text of the JSON string starting at `start`, escapes decoded only as far as blanks go. */
function jsonStringAt(body: string, start: number): string {
  let end = start;
  while (end < body.length && body[end] !== '"') end += body[end] === "\\" ? 2 : 1;
  return body.slice(start, end).replace(/\\[ntr]/g, " ");
}

/**
 * Each query waits at its gate (db/scheduler.ts) and 429s are retried. The place is given
 * back in a `finally`, whatever the fetch does. Exported for the tests of the gates;
 * everything else goes through `openDatabase`.
 */
export async function boundedFetch(
  priority: QueryPriority,
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  // Buffered once so a retry can send it again. Not `request.clone()`: that tees the
  // body, and workerd warns (through the inspector, to partykit dev's log) about every
  // branch never read — a console warning per query.
  const request = new Request(input, init);
  const body = request.body ? await request.text() : null;
  const gate = body === null ? "read" : gateFor(body);
  for (let attempt = 0; ; attempt++) {
    const permit = await scheduler.acquire(gate, priority);
    let res: Response;
    try {
      res = await fetch(request.url, { method: request.method, headers: request.headers, body });
    } finally {
      permit.release();
    }
    // sqld could not open a connection in time: nothing ran, so trying again is safe.
    if (res.status !== 429 || attempt >= RETRIES_ON_429) return res;
    await res.body?.cancel();
    await sleep(Math.random() * Math.min(4_000, 100 * 2 ** attempt));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
