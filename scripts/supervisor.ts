// Child processes in process groups of their own, so a signal meant for one of them
// (and for whatever it spawns, like partykit's workerd) reaches the whole group, and a
// Ctrl-C in our terminal reaches only us. One cleanup: a process-wide set of live groups,
// killed when this process exits or is stopped by a signal nobody else handles.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { groupMembers, hasProc, isRunning } from "./proc";

export interface Supervised {
  name: string;
  pid: number;
  /** Exit code; null when killed by a signal or when it could not start. */
  exited: Promise<number | null>;
  /** Stops the whole group (SIGKILL after a grace period) and resolves once it is gone. Idempotent. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SuperviseOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Each line of the child's stdout and stderr. */
  onLine(line: string): void;
}

/** Leads each group and ends it if this process dies without cleaning up (kill -9). */
const LIFELINE = join(import.meta.dirname, "runtime", "lifeline.cjs");

/** How long a group's non-leader processes (workerd, esbuild) get to exit on SIGTERM. */
const CHILD_GRACE_MS = 1500;
const LEADER_GRACE_MS = 5000;
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

// On globalThis, not per module instance: test runners may evaluate this module more than
// once in a process, and there must be one set and one set of hooks.
const GROUPS_KEY = Symbol.for("frontdoor.supervisor.groups");

function liveGroups(): Set<number> {
  const holder = globalThis as { [GROUPS_KEY]?: Set<number> };
  if (holder[GROUPS_KEY]) return holder[GROUPS_KEY];
  const groups = new Set<number>();
  holder[GROUPS_KEY] = groups;
  process.on("exit", () => {
    for (const pgid of groups) signalGroup(pgid, "SIGKILL");
  });
  for (const signal of STOP_SIGNALS) {
    const onSignal = () => {
      // Someone else (npm start) shuts down gracefully and exits; the exit hook backs it up.
      if (process.listenerCount(signal) > 1) return;
      for (const pgid of groups) signalGroup(pgid, "SIGTERM");
      // Die of the signal as we would have without this listener.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
  return groups;
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function signalOne(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function groupIsEmpty(pgid: number): boolean {
  if (hasProc()) return groupMembers(pgid).length === 0;
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await delay(50);
  }
  return true;
}

/**
 * Starts `command` in a new process group, tracked until `stop()` has emptied the group.
 * The group's leader is the lifeline, holding the read end of a pipe whose write end only
 * this process has: the exit hooks here cover every way out but SIGKILL, and the lifeline
 * covers that one.
 */
export function supervise(name: string, command: string, args: string[], opts: SuperviseOptions): Supervised {
  const groups = liveGroups();
  const child = spawn(process.execPath, [LIFELINE, command, ...args], {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  // Never written or closed: its end closing is the lifeline's signal. Unref'd so it
  // does not keep this process alive on its own.
  child.stdin?.on("error", () => {});
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  const pgid = child.pid;
  if (pgid !== undefined) groups.add(pgid);
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on("line", opts.onLine);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (err) => {
      opts.onLine(`failed to start: ${err.message}`);
      resolve(null);
    });
  });

  const stopGroup = async (signal: NodeJS.Signals) => {
    if (pgid === undefined) return;
    if (signal !== "SIGKILL" && hasProc()) {
      // Children first, while the leader is alive to reap them: a leader that dies first
      // leaves them to an init that may never reap. workerd would otherwise also wait for
      // idle keep-alive connections, which buys nothing: its storage is already on disk.
      const others = groupMembers(pgid).filter((pid) => pid !== pgid);
      for (const pid of others) signalOne(pid, signal);
      if (!(await waitUntil(() => others.every((pid) => !isRunning(pid)), CHILD_GRACE_MS))) {
        for (const pid of others) signalOne(pid, "SIGKILL");
      }
      signalOne(pgid, signal);
      const leaderGone = await Promise.race([exited.then(() => true), delay(LEADER_GRACE_MS).then(() => false)]);
      if (!leaderGone) signalGroup(pgid, "SIGKILL");
    } else {
      signalGroup(pgid, signal);
    }
    await exited;
    if (!(await waitUntil(() => groupIsEmpty(pgid), LEADER_GRACE_MS))) {
      signalGroup(pgid, "SIGKILL");
      await waitUntil(() => groupIsEmpty(pgid), LEADER_GRACE_MS);
    }
    groups.delete(pgid);
  };

  let stopping: Promise<void> | undefined;
  return {
    name,
    pid: pgid ?? -1,
    exited,
    stop: (signal: NodeJS.Signals = "SIGTERM") => (stopping ??= stopGroup(signal)),
  };
}
