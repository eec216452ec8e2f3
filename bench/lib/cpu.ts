// CPU time each process of the system spent during a scenario, from /proc: the
// runtime (workerd), partykit dev's Node wrapper, sqld and this load generator. On a
// 2-core machine they all compete, so "CPU ms per check-in" says what caps throughput.
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { CLOCK_TICKS_PER_SECOND, hasProc, readProcStat } from "../../scripts/proc";

export type CpuSample = Record<string, number>;

const ticks = (pid: number): number => readProcStat(pid)?.cpuTicks ?? 0;

/** Pids of the stack serving `port` with sqld at `sqldUrl`, found by command line. */
export function stackPids(port: number, sqldUrl: string): Record<string, number[]> {
  const ps = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" }).split("\n");
  const find = (test: (args: string) => boolean) =>
    ps
      .map((l) => l.trim())
      .filter((l) => test(l.slice(l.indexOf(" ") + 1)))
      .map((l) => Number(l.split(" ")[0]));
  const sqldAddr = sqldUrl.replace(/^https?:\/\//, "");
  return {
    workerd: find((a) => a.includes("workerd serve") && new RegExp(`entry=\\S+:${port} `).test(a)),
    "partykit dev (node)": find((a) => a.includes("partykit dev") && a.includes(`--port ${port} `)),
    sqld: find((a) => a.includes("sqld") && a.includes(sqldAddr)),
  };
}

export function cpuSample(port: number, sqldUrl: string): CpuSample {
  if (!hasProc()) return {};
  const out: CpuSample = {};
  for (const [name, pids] of Object.entries(stackPids(port, sqldUrl)))
    out[name] = pids.reduce((a, p) => a + ticks(p), 0) * (1000 / CLOCK_TICKS_PER_SECOND);
  const self = process.cpuUsage();
  out["bench client (this process)"] = (self.user + self.system) / 1000;
  return out;
}

/** CPU ms per process between two samples, and the machine's total available in `wallMs`. */
export function cpuDelta(
  before: CpuSample,
  after: CpuSample,
  wallMs: number,
): { perProcessMs: Record<string, number>; availableMs: number } {
  const perProcessMs: Record<string, number> = {};
  for (const k of Object.keys(after)) perProcessMs[k] = Math.round((after[k] ?? 0) - (before[k] ?? 0));
  return { perProcessMs, availableMs: Math.round(wallMs * cpus().length) };
}
