// The bounds db/client.ts puts on queries in flight, against a local HTTP server that
// holds each request until the test releases it and records what it saw.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundedFetch, GATE_CAPACITY, gateFor } from "../../db/client";

const { read: READS, write: WRITES } = GATE_CAPACITY;

let url = "";
let inFlight = 0;
let maxInFlight = 0;
const arrived: string[] = [];
const held: ServerResponse[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    arrived.push(body);
    held.push(res);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/pipeline`;
});
afterAll(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Until the server holds `n` requests, then a moment more in which no other may arrive. */
async function holding(n: number) {
  for (let waited = 0; inFlight < n && waited < 5_000; waited += 10) await sleep(10);
  await sleep(150);
}
async function releaseAll(total: number) {
  while (arrived.length < total || held.length > 0) {
    for (const res of held.splice(0)) {
      inFlight--;
      res.end("{}");
    }
    await sleep(20);
  }
}
function reset() {
  maxInFlight = 0;
  arrived.length = 0;
}
const statement = (sql: string) => JSON.stringify({ requests: [{ type: "execute", stmt: { sql } }] });
const post = (priority: "guest" | "background", sql: string) =>
  boundedFetch(priority, url, { method: "POST", body: statement(sql) });

describe("query gates", () => {
  it("keeps writes to their gate, however many are asked for", async () => {
    reset();
    const all = Array.from({ length: 3 * WRITES }, (_, i) => post("guest", `insert into t values (${i})`));
    await holding(WRITES);
    expect(inFlight).toBe(WRITES);
    await releaseAll(3 * WRITES);
    await Promise.all(all);
    expect(maxInFlight).toBe(WRITES);
    expect(arrived).toHaveLength(3 * WRITES);
  });

  it("lets reads through a wider gate, beside the writes", async () => {
    reset();
    const all = [
      ...Array.from({ length: 3 * READS }, () => post("guest", "select * from reservation")),
      ...Array.from({ length: 2 * WRITES }, (_, i) =>
        post("guest", `update reservation set status = 'x' where id = ${i}`),
      ),
    ];
    await holding(READS + WRITES);
    expect(inFlight).toBe(READS + WRITES);
    await releaseAll(3 * READS + 2 * WRITES);
    await Promise.all(all);
    expect(maxInFlight).toBe(READS + WRITES);
  });

  it("admits in arrival order, a guest's query before waiting analytics", async () => {
    reset();
    const blockers = Array.from({ length: WRITES }, (_, i) => post("guest", `insert into t values ('blocker ${i}')`));
    await holding(WRITES);
    const queued = [
      post("background", "insert into funnel values ('analytics 1')"),
      post("guest", "insert into guest values ('guest 1')"),
      post("background", "insert into funnel values ('analytics 2')"),
      post("guest", "insert into guest values ('guest 2')"),
    ];
    await sleep(50);
    // One place frees at a time, so the order of admission is the order of arrival here.
    for (let i = 0; i < WRITES + 4; i++) {
      await holding(Math.min(WRITES, WRITES + 4 - i));
      held.shift()!.end("{}");
      inFlight--;
    }
    await releaseAll(WRITES + 4);
    await Promise.all([...blockers, ...queued]);
    const order = arrived.slice(WRITES).map((b) => /'([^']+)'/.exec(b)![1]);
    expect(order).toEqual(["guest 1", "guest 2", "analytics 1", "analytics 2"]);
  });
});

/** Pipelines as @libsql/client/web sends them (Hrana v2 JSON). */
const pipeline = (...requests: object[]) => JSON.stringify({ baton: null, requests });
const execute = (sql: string, args: object[] = []) => ({ type: "execute", stmt: { sql, args, want_rows: true } });
const text = (value: string) => ({ type: "text", value });

describe("choosing the gate", () => {
  it("sends a pipeline of selects through the read gate", () => {
    const lookup = execute("select * from reservation where code = ?", [text("A1")]);
    expect(gateFor(pipeline(lookup, { type: "close" }))).toBe("read");
    expect(gateFor(pipeline(execute("\n  SELECT 1")))).toBe("read");
    expect(gateFor(pipeline({ type: "close" }))).toBe("read");
    expect(gateFor(pipeline(execute('select "id" from "guest" where "name" = \'delete \'')))).toBe("read");
    expect(gateFor(pipeline(execute("with days(d) as (values (1)) select d from days")))).toBe("read");
  });

  it("does not let a parameter that reads like SQL change the gate", () => {
    const guestNamedLikeSql = execute("select * from guest where name = ?", [text('"sql":"insert into x ')]);
    expect(gateFor(pipeline(guestNamedLikeSql))).toBe("read");
    expect(gateFor(pipeline(execute("insert into guest values (?)", [text("select ")])))).toBe("write");
  });

  it("sends writes, transactions and batches with any write through the write gate", () => {
    expect(gateFor(pipeline(execute("update reservation set status = 'x'")))).toBe("write");
    expect(gateFor(pipeline(execute("begin immediate"), execute("select 1")))).toBe("write");
    const batch = {
      type: "batch",
      batch: { steps: [{ stmt: { sql: "begin" } }, { stmt: { sql: "select 1" } }, { stmt: { sql: "commit" } }] },
    };
    expect(gateFor(pipeline(batch))).toBe("write");
    expect(gateFor(pipeline(execute("with x as (select 1) insert into t select * from x")))).toBe("write");
    expect(gateFor(pipeline({ type: "execute", stmt: { sql_id: 3 } }))).toBe("write");
  });

  it("does not mistake a word that starts with 'select' for a select", () => {
    expect(gateFor(pipeline(execute("selective_delete()")))).toBe("write");
  });
});
