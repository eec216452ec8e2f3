// What the launcher's processes expose to the rest of the machine, read from /proc the
// way `ps` and `ss` would show it to another user.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { commandLine, descendants } from "../../scripts/proc";

export interface ProcessInfo {
  pid: number;
  args: string[];
}

/** Live descendants of `pid` with their command lines. */
export function processTree(pid: number): ProcessInfo[] {
  return descendants(pid).flatMap((p) => {
    const args = commandLine(p);
    return args ? [{ pid: p, args }] : [];
  });
}

/** Pids (of every process on the machine) whose command line contains `needle`. */
export function commandLinesContaining(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (commandLine(Number(entry))?.some((a) => a.includes(needle))) pids.push(Number(entry));
  }
  return pids.filter((p) => p !== process.pid);
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const match = /^socket:\[(\d+)\]$/.exec(target);
        if (match) inodes.add(match[1]!);
      } catch {
        // Closed while we looked.
      }
    }
  } catch {
    // Exited.
  }
  return inodes;
}

function decodeAddress(hex: string): string {
  const [addr, port] = hex.split(":") as [string, string];
  const bytes = Buffer.from(addr, "hex");
  let host: string;
  if (bytes.length === 4) {
    host = [...bytes].reverse().join(".");
  } else {
    // Four little-endian 32-bit words.
    const words: string[] = [];
    for (let i = 0; i < 16; i += 4)
      words.push(
        Buffer.from(bytes.subarray(i, i + 4))
          .reverse()
          .toString("hex"),
      );
    const groups = words
      .join("")
      .match(/.{4}/g)!
      .map((g) => g.replace(/^0+(?=.)/, ""));
    host = `[${groups.join(":")}]`;
  }
  return `${host}:${parseInt(port, 16)}`;
}

const LISTEN = "0A";

/** host:port of every TCP socket the given processes listen on, with the listener's command. */
export function listeningSockets(pids: number[]): { address: string; command: string }[] {
  const owners = new Map<string, number>();
  for (const pid of pids) for (const inode of socketInodes(pid)) owners.set(inode, pid);
  const out: { address: string; command: string }[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      const owner = owners.get(cols[9]!);
      if (cols[3] !== LISTEN || owner === undefined) continue;
      out.push({ address: decodeAddress(cols[1]!), command: (commandLine(owner) ?? []).slice(0, 3).join(" ") });
    }
  }
  return out;
}

/** Whether an address is reachable only from this machine. */
export const isLoopback = (address: string): boolean =>
  address.startsWith("127.") || address.startsWith("[0:0:0:0:0:0:0:1]") || address.startsWith("[::1]");
