// Resident memory of the stack's processes, from /proc: what a long run on one runtime
// keeps. A runtime that holds on to finished rooms shows here long before it fails.
import { existsSync, readFileSync } from "node:fs";
import { stackPids } from "./cpu";

export type RssSample = Record<string, number>;

function rssKb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.replace(/\D+/g, "")) : 0;
  } catch {
    return 0;
  }
}

/** MB of resident memory per process of the stack serving `port` (summed over its pids). */
export function rssSample(port: number, sqldUrl: string): RssSample {
  if (!existsSync("/proc/self/status")) return {};
  const out: RssSample = {};
  for (const [name, pids] of Object.entries(stackPids(port, sqldUrl))) {
    out[name] = Math.round((pids.reduce((a, p) => a + rssKb(p), 0) / 1024) * 10) / 10;
  }
  return out;
}
