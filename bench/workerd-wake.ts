// `npx tsx bench/workerd-wake.ts`: why db/scheduler.ts wakes its waiters with their own
// timers. Under the project's workerd (through miniflare), one request waits in a line
// that a second request then wakes, and the first goes on to fetch. It prints what became
// of the first request for each way of waiting. Worth re-running after a workerd upgrade:
// if "promise" ever answers, waiters could be woken directly.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Miniflare } from "miniflare";

const database = createServer((_req, res) => setTimeout(() => res.end("answer"), 20));
await new Promise<void>((done) => database.listen(0, "127.0.0.1", done));
const databaseUrl = `http://127.0.0.1:${(database.address() as AddressInfo).port}/`;

const worker = `
const line = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export default {
  async fetch(request) {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname === "/wake") {
      const waiter = line.shift();
      if (waiter) waiter.woken = true, waiter.resolve?.();
      return new Response("woke");
    }
    const waiter = { woken: false };
    line.push(waiter);
    const way = searchParams.get("way");
    if (way === "promise") await new Promise((resolve) => (waiter.resolve = resolve));
    if (way === "promise-and-keep-alive") {
      const keepAlive = setTimeout(() => {}, 10_000);
      await new Promise((resolve) => (waiter.resolve = resolve));
      clearTimeout(keepAlive);
    }
    if (way === "own-timer") while (!waiter.woken) await sleep(5);
    const answer = await fetch(${JSON.stringify(databaseUrl)});
    return new Response(await answer.text());
  },
};`;

const mf = new Miniflare({ modules: true, script: worker, compatibilityDate: "2024-07-01" });
try {
  for (const way of ["promise", "promise-and-keep-alive", "own-timer"]) {
    const waiting = mf.dispatchFetch(`http://worker/wait?way=${way}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await (await mf.dispatchFetch("http://worker/wake")).text();
    const outcome = await Promise.race([
      waiting.then(async (r) => `${r.status} ${(await r.text()).split("\n")[0]}`),
      new Promise<string>((resolve) => setTimeout(() => resolve("no answer after 3 s"), 3_000)),
    ]);
    console.log(`${way.padEnd(24)} ${outcome}`);
  }
} finally {
  await mf.dispose();
  database.close();
}
