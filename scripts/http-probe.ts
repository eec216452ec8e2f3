// Ports and HTTP readiness for the stack's servers.
import { get as httpGet } from "node:http";
import { createServer } from "node:net";

/** A port nothing listens on right now: the kernel's pick for port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Status of one GET without keep-alive: a pooled idle connection would make workerd's
 * graceful shutdown wait for it later. Rejects when nothing answers.
 */
export function probe(url: string, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: { connection: "close" }, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
  });
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReadyWait {
  url: string;
  accept(status: number): boolean;
  /** What is starting, for the error message. */
  what: string;
  timeoutMs: number;
  /** Settles when the process exits: it will never become ready then. */
  exited: Promise<unknown>;
  logTail(): string;
}

/** Polls until `accept(status)`; a process exit or the deadline fails fast with the log tail. */
export async function waitForHttp(wait: ReadyWait): Promise<void> {
  let exited = false;
  void wait.exited.then(() => (exited = true));
  const deadline = Date.now() + wait.timeoutMs;
  let last = "no response";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${wait.what} exited before it was ready (${last})\n${wait.logTail()}`);
    try {
      const status = await probe(wait.url);
      if (wait.accept(status)) return;
      last = `HTTP ${status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await delay(150);
  }
  throw new Error(`${wait.what} not ready at ${wait.url} after ${wait.timeoutMs} ms (${last})\n${wait.logTail()}`);
}
