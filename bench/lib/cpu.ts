// CPU time each process of the system spent during a scenario, from /proc: the
// runtime (workerd), partykit dev's Node wrapper, sqld and this load generator. On a
// 2-core machine they all compete, so "CPU ms per check-in" says what caps throughput.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";

const TICKS_PER_SECOND = 100;

export type CpuSample = Record<string, number>;

function ticks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Pids of the stack serving `port` with sqld at `sqldUrl`, found by command line. */
function stackPids(port: number, sqldUrl: string): Record<string, number[]> {
  const ps = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" }).split("\n");
  const find = (test: (args: string) => boolean) =>
    ps.map((l) => l.trim()).filter((l) => test(l.slice(l.indexOf(" ") + 1))).map((l) => Number(l.split(" ")[0]));
  const sqldAddr = sqldUrl.replace(/^https?:\/\//, "");
  return {
    workerd: find((a) => a.includes("workerd serve") && a.includes(`entry=0.0.0.0:${port} `)),
    "partykit dev (node)": find((a) => a.includes("partykit dev") && a.includes(`--port ${port} `)),
    sqld: find((a) => a.includes("sqld") && a.includes(sqldAddr)),
  };
}

export function cpuSample(port: number, sqldUrl: string): CpuSample {
  if (!existsSync("/proc/self/stat")) return {};
  const out: CpuSample = {};
  for (const [name, pids] of Object.entries(stackPids(port, sqldUrl))) out[name] = pids.reduce((a, p) => a + ticks(p), 0) * (1000 / TICKS_PER_SECOND);
  const self = process.cpuUsage();
  out["bench client (this process)"] = (self.user + self.system) / 1000;
  return out;
}

/** CPU ms per process between two samples, and the machine's total available in `wallMs`. */
export function cpuDelta(before: CpuSample, after: CpuSample, wallMs: number): { perProcessMs: Record<string, number>; availableMs: number } {
  const perProcessMs: Record<string, number> = {};
  for (const k of Object.keys(after)) perProcessMs[k] = Math.round((after[k] ?? 0) - (before[k] ?? 0));
  return { perProcessMs, availableMs: Math.round(wallMs * cpus().length) };
}
