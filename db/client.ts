// One way to reach the database from every runtime (workerd parties, Node scripts,
// tests, benchmarks): libSQL's HTTP protocol through drizzle. Local sqld and Turso
// differ only in URL and token.
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

export type Database = ReturnType<typeof openDatabase>;

/**
 * Queries one isolate keeps in flight. SQLite has one writer: with 32 or more write
 * transactions contending, sqld spent its CPU spinning on the lock (two cores, 40+
 * threads busy) and stopped answering; past 128 connections it answers 429.
 */
const MAX_IN_FLIGHT = 16;
const RETRIES_ON_429 = 8;

export function openDatabase(url: string, authToken?: string) {
  const client = createClient({
    url,
    authToken: authToken || undefined,
    // @libsql/client's own queue (`concurrency`, default 20) starts a queued query from
    // inside the request whose query just finished. In workerd one client serves every
    // request of the isolate, so that fetch runs on behalf of the wrong request and is
    // refused ("Cannot perform I/O on behalf of a different request"); the queued
    // request hangs. Switch it off and bound concurrency in `fetch`, below.
    concurrency: Number.MAX_SAFE_INTEGER,
    fetch: boundedFetch,
  });
  return drizzle(client, { schema });
}

let inFlight = 0;
let waiting = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most MAX_IN_FLIGHT requests at once, and 429s retried. A waiter polls with a timer
 * of its own instead of being woken by the request that finishes: in workerd a promise
 * resolved by another request continues in *that* request's context, where this
 * request's fetch is refused. Polls are spaced by the queue's length, so the isolate
 * wakes about MAX_IN_FLIGHT / 4 times per millisecond however long the queue.
 */
async function boundedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  for (let attempt = 0; ; attempt++) {
    if (inFlight >= MAX_IN_FLIGHT) {
      waiting++;
      try {
        while (inFlight >= MAX_IN_FLIGHT) await sleep(1 + Math.random() * ((8 * waiting) / MAX_IN_FLIGHT));
      } finally {
        waiting--;
      }
    }
    inFlight++;
    let res: Response;
    try {
      res = await fetch(request.clone());
    } finally {
      inFlight--;
    }
    // sqld could not open a connection in time: nothing ran, so trying again is safe.
    if (res.status !== 429 || attempt >= RETRIES_ON_429) return res;
    await res.body?.cancel();
    await sleep(Math.random() * Math.min(4_000, 100 * 2 ** attempt));
  }
}
