// `npm start` run the way people run it on a server: in the background from a shell
// that exits at once, its runtime killed under it, and stopped with a SIGTERM to npm.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRunning } from "../../scripts/proc";
import { freePort, REPO_ROOT } from "../../scripts/stack";
import { commandLinesContaining, isLoopback, listeningSockets, processTree } from "../support/processes";

const INTERNAL_SECRET = `internal-${Math.random().toString(36).slice(2)}-launcher-test`;
const SESSION_SECRET = `session-${Math.random().toString(36).slice(2)}-launcher-test`;

let dataDir: string;
let logFile: string;
let url: string;
let npmPid: number;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = () => readFileSync(logFile, "utf8");

async function healthStatus(): Promise<number | undefined> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return undefined;
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${log()}`);
    await delay(250);
  }
}

const workerdPids = () =>
  processTree(npmPid)
    .filter((p) => p.args[0]?.endsWith("workerd"))
    .map((p) => p.pid);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "frontdoor-launcher-"));
  logFile = join(dataDir, "start.log");
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // nohup and `&` in a shell that lives until the app is up and then exits, the way a
  // wrapper script or an ssh session does: npm is re-parented under a running launcher.
  const shell = spawn("sh", ["-c", `nohup npm start < /dev/null > "${logFile}" 2>&1 & echo $!; read _`], {
    cwd: REPO_ROOT,
    stdio: ["pipe", "pipe", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      SQLD_PORT: String(await freePort()),
      DATA_DIR: join(dataDir, "data"),
      INTERNAL_SECRET,
      SESSION_SECRET,
    },
  });
  const shellExited = new Promise((r) => shell.once("exit", r));
  npmPid = Number(await new Promise<string>((r) => createInterface({ input: shell.stdout! }).once("line", r)));
  await waitFor("npm start answering /healthz", async () => (await healthStatus()) === 200, 240_000);
  shell.stdin!.end("exit\n");
  await shellExited;
}, 300_000);

afterAll(async () => {
  const left = npmPid ? [npmPid, ...processTree(npmPid).map((p) => p.pid)] : [];
  for (const pid of left) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone, as it should be.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start in the background", () => {
  it("is still answering /healthz 10 s after the shell that started it exited", async () => {
    await delay(10_000);
    expect(isRunning(npmPid)).toBe(true);
    expect(await healthStatus()).toBe(200);
  });

  it("puts no secret on any process's command line", () => {
    expect(workerdPids().length).toBeGreaterThan(0);
    expect(commandLinesContaining(INTERNAL_SECRET)).toEqual([]);
    expect(commandLinesContaining(SESSION_SECRET)).toEqual([]);
  });

  it("listens on the loopback interface only", () => {
    const addresses = listeningSockets([npmPid, ...processTree(npmPid).map((p) => p.pid)]);
    expect(addresses.map((s) => s.address)).toContain(url.replace("http://", ""));
    expect(addresses.filter((s) => !isLoopback(s.address))).toEqual([]);
  });

  it("brings the runtime back when workerd is killed", async () => {
    const [victim] = workerdPids();
    expect(victim).toBeDefined();
    process.kill(victim!, "SIGKILL");
    await waitFor("the launcher noticing", () => /runtime.*(not answering|exited)/i.test(log()), 60_000);
    await waitFor("a new runtime", async () => (await healthStatus()) === 200, 180_000);
    expect(workerdPids()).not.toContain(victim);
    expect(isRunning(npmPid)).toBe(true);
  }, 240_000);

  it("stops every child when npm gets SIGTERM", async () => {
    const children = processTree(npmPid).map((p) => p.pid);
    expect(children.length).toBeGreaterThanOrEqual(3); // the launcher, sqld, partykit dev, workerd
    process.kill(npmPid, "SIGTERM");
    await waitFor("every child gone", () => children.every((pid) => !isRunning(pid)), 60_000);
    expect(await healthStatus()).toBeUndefined();
  }, 90_000);
});
