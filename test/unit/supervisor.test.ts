// The supervisor's one clean-up path: groups stopped on request, on exit and on a signal
// nobody else handles. Real processes; only `sleep` stands in for sqld and partykit.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupMembers } from "../../scripts/proc";
import { supervise } from "../../scripts/supervisor";

const FIXTURE = join(import.meta.dirname, "../support/supervised-sleeper.ts");

async function waitUntil(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Runs the fixture and resolves with the process and the group it supervises. */
async function sleeperGroup(mode: "exit" | "wait") {
  const proc = spawn(process.execPath, ["--import", "tsx", FIXTURE, mode], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: proc.stdout! });
  const pgid = await new Promise<number>((resolve, reject) => {
    lines.once("line", (l) => resolve(Number(l)));
    proc.once("exit", () => reject(new Error("fixture exited without a group")));
  });
  return { proc, pgid };
}

describe("supervise", () => {
  it("stop() ends every process of the group, not only the leader", async () => {
    const sleeper = supervise("sleeper", "sh", ["-c", "sleep 60 & exec sleep 60"], {
      cwd: process.cwd(),
      env: process.env,
      onLine: () => {},
    });
    // The lifeline that leads the group, and the two sleeps.
    expect(await waitUntil(() => groupMembers(sleeper.pid).length === 3)).toBe(true);
    await sleeper.stop();
    expect(groupMembers(sleeper.pid)).toEqual([]);
    expect(await sleeper.exited).toBeNull();
  });

  it("kills the groups when the supervising process exits", async () => {
    const { proc, pgid } = await sleeperGroup("exit");
    expect(groupMembers(pgid).length).toBe(3);
    proc.stdin!.write("exit\n");
    await new Promise((r) => proc.once("exit", r));
    expect(await waitUntil(() => groupMembers(pgid).length === 0)).toBe(true);
  }, 30_000);

  it("kills the groups when the supervising process is stopped by a signal it does not handle", async () => {
    const { proc, pgid } = await sleeperGroup("wait");
    expect(groupMembers(pgid).length).toBe(3);
    const exit = new Promise<NodeJS.Signals | null>((r) => proc.once("exit", (_code, signal) => r(signal)));
    proc.kill("SIGTERM");
    expect(await exit).toBe("SIGTERM");
    expect(await waitUntil(() => groupMembers(pgid).length === 0)).toBe(true);
  }, 30_000);

  it("kills the groups when the supervising process is killed with SIGKILL, which runs no hook", async () => {
    const { proc, pgid } = await sleeperGroup("wait");
    expect(groupMembers(pgid).length).toBe(3);
    const exit = new Promise<NodeJS.Signals | null>((r) => proc.once("exit", (_code, signal) => r(signal)));
    proc.kill("SIGKILL");
    expect(await exit).toBe("SIGKILL");
    expect(await waitUntil(() => groupMembers(pgid).length === 0)).toBe(true);
  }, 30_000);
});
