// The one reader of Linux's /proc/<pid>/stat: process state, parent, group and CPU time.
// The command name is parenthesised and may hold spaces or ")", so fields are counted
// from the last ")".
import { existsSync, readdirSync, readFileSync } from "node:fs";

export interface ProcStat {
  pid: number;
  /** Single letter: R running, S sleeping, Z zombie, X dead, … */
  state: string;
  ppid: number;
  pgrp: number;
  /** User plus system CPU time, in clock ticks (USER_HZ, 100 on Linux). */
  cpuTicks: number;
}

export const CLOCK_TICKS_PER_SECOND = 100;

/** Whether this machine has /proc; without it callers fall back to signals. */
export const hasProc = (): boolean => existsSync("/proc/self/stat");

/** Parses the text of /proc/<pid>/stat. */
export function parseProcStat(pid: number, text: string): ProcStat {
  // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return {
    pid,
    state: fields[0] ?? "?",
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
  };
}

export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(pid, readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined; // Exited, or no /proc.
  }
}

/** Running or sleeping: a zombie holds no port or memory and only waits for a parent to reap it. */
export const isLive = (stat: ProcStat | undefined): stat is ProcStat =>
  stat !== undefined && stat.state !== "Z" && stat.state !== "X";

export function isRunning(pid: number): boolean {
  return isLive(readProcStat(pid));
}

/** Every live process on the machine. */
export function liveProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(Number(entry));
    if (isLive(stat)) out.push(stat);
  }
  return out;
}

/** Live members of a process group. */
export function groupMembers(pgid: number): number[] {
  return liveProcesses()
    .filter((p) => p.pgrp === pgid)
    .map((p) => p.pid);
}

/** Live children, grandchildren, … of `pid` (not `pid` itself). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of liveProcesses()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    out.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

/** The command line of `pid` as its arguments, or undefined once it has exited. */
export function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8")
      .split("\0")
      .filter((a) => a !== "");
  } catch {
    return undefined;
  }
}
