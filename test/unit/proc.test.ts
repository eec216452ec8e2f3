import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { commandLine, descendants, isRunning, parseProcStat, readProcStat } from "../../scripts/proc";

describe("parseProcStat", () => {
  it("counts fields from the last parenthesis, whatever the command name holds", () => {
    const text = "4242 (a) b (c) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 1000 0 0";
    expect(parseProcStat(4242, text)).toEqual({ pid: 4242, state: "S", ppid: 17, pgrp: 4242, cpuTicks: 300 });
  });
});

describe("reading /proc", () => {
  it("sees this process, its children, and a child once it has exited", async () => {
    const self = readProcStat(process.pid);
    expect(self).toMatchObject({ pid: process.pid, ppid: process.ppid });
    const child = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
    const pid = child.pid!;
    expect(readProcStat(pid)?.pgrp).toBe(pid);
    expect(descendants(process.pid)).toContain(pid);
    expect(commandLine(pid)).toEqual(["sleep", "30"]);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(isRunning(pid)).toBe(false);
    expect(descendants(process.pid)).not.toContain(pid);
  });
});
