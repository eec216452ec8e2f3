// The runtime watch against a real HTTP server standing in for partykit dev: it is
// closed to play a dead runtime, and reopened by the stack's startRuntime.
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type RuntimeWatch, watchRuntime } from "../../scripts/runtime-watch";

let server: Server | undefined;
let watch: RuntimeWatch | undefined;

afterEach(async () => {
  watch?.stop();
  await closeRuntime();
});

async function openRuntime(port = 0): Promise<number> {
  const s = createServer((_req, res) => res.writeHead(503).end());
  await new Promise<void>((r) => s.listen(port, "127.0.0.1", r));
  server = s;
  return (s.address() as { port: number }).port;
}

async function closeRuntime() {
  const s = server;
  server = undefined;
  if (s) await new Promise((r) => s.close(r));
}

const until = async (done: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return done();
};

function watched(port: number, startRuntime: () => Promise<void>) {
  const said: string[] = [];
  const gaveUp: string[] = [];
  const stack = {
    url: `http://127.0.0.1:${port}`,
    stopRuntime: closeRuntime,
    startRuntime,
  };
  watch = watchRuntime(stack, {
    intervalMs: 20,
    missesAllowed: 2,
    maxRestarts: 2,
    windowMs: 60_000,
    say: (t) => said.push(t),
    onGiveUp: (r) => gaveUp.push(r),
  });
  return { said, gaveUp };
}

describe("watchRuntime", () => {
  it("leaves an answering runtime alone, whatever its status", async () => {
    const port = await openRuntime();
    let starts = 0;
    const { said, gaveUp } = watched(port, async () => void starts++);
    await new Promise((r) => setTimeout(r, 300));
    expect({ starts, said, gaveUp }).toEqual({ starts: 0, said: [], gaveUp: [] });
  });

  it("restarts a runtime that stopped answering, and says so", async () => {
    const port = await openRuntime();
    let starts = 0;
    const { said, gaveUp } = watched(port, async () => {
      starts++;
      await openRuntime(port);
    });
    await closeRuntime();
    expect(await until(() => starts === 1)).toBe(true);
    expect(said[0]).toMatch(/^runtime not answering at http:\/\/127\.0\.0\.1:\d+ .*restarting it \(restart 1 of 2\)$/);
    await new Promise((r) => setTimeout(r, 300));
    expect({ starts, gaveUp }).toEqual({ starts: 1, gaveUp: [] });
  });

  it("gives up once the runtime keeps dying", async () => {
    const port = await openRuntime();
    let starts = 0;
    const { gaveUp } = watched(port, async () => {
      starts++;
      await openRuntime(port);
      setTimeout(() => void closeRuntime(), 50);
    });
    await closeRuntime();
    expect(await until(() => gaveUp.length === 1)).toBe(true);
    expect(starts).toBe(2);
    expect(gaveUp[0]).toMatch(/again after 2 restarts/);
  });

  it("gives up when the restart itself fails", async () => {
    const port = await openRuntime();
    const { gaveUp } = watched(port, async () => {
      throw new Error("partykit dev exited before it was ready");
    });
    await closeRuntime();
    expect(await until(() => gaveUp.length === 1)).toBe(true);
    expect(gaveUp[0]).toContain("could not be restarted: partykit dev exited before it was ready");
  });
});
