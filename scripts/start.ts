// `npm start`: the whole app on one machine, demo data included.
import { existsSync, readFileSync } from "node:fs";
import { ConfigError, loadConfig, type LauncherConfig } from "./config";
import { DEMO_BOOKING_REFS, DEMO_CHECKED_IN_PHONE, DEMO_CHECKED_IN_REF } from "../db/seed";
import { startStack, type Stack } from "./stack";

// Values already in the environment win over the file.
if (existsSync(".env")) process.loadEnvFile(".env");

let config: LauncherConfig;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

let stack: Stack | undefined;
let stopping = false;

async function shutdown(signal: string) {
  // A second Ctrl-C means "now": the exit hook in stack.ts SIGKILLs what is left.
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`\n[start] ${signal}: stopping…`);
  await stack?.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGHUP", () => void shutdown("SIGHUP"));
watchLauncherChain(() => void shutdown("launcher exited"));

/**
 * `npm start` runs us as npm → sh → tsx → node. A SIGTERM sent to npm alone reaches
 * sh, which dies without passing it on, and we would keep running as an orphan. So
 * watch the wrappers above us: when one of them goes or is re-parented, stop.
 */
function watchLauncherChain(onBroken: () => void) {
  const parentOf = (pid: number): number | undefined => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      return undefined;
    }
  };
  const chain: Array<[pid: number, parent: number]> = [];
  let pid = process.ppid;
  while (chain.length < 3 && pid > 1) {
    const parent = parentOf(pid);
    if (parent === undefined) return; // No /proc: nothing to watch with.
    chain.push([pid, parent]);
    pid = parent;
  }
  setInterval(() => {
    if (chain.some(([p, parent]) => parentOf(p) !== parent)) onBroken();
  }, 2000).unref();
}

try {
  stack = await startStack({
    dataDir: config.dataDir,
    port: config.port,
    sqldPort: config.sqldPort,
    libsqlUrl: config.libsqlUrl,
    libsqlAuthToken: config.libsqlAuthToken,
    selfUrl: config.selfUrl,
    internalSecret: config.internalSecret,
    sessionSecret: config.sessionSecret,
    runtimeVars: config.runtimeVars,
    admin: { email: config.admin.email, password: config.admin.password },
    buildClient: true,
    log: true,
  });
} catch (err) {
  console.error(`[start] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
if (stopping) await new Promise(() => {}); // shutdown() is already on its way.

const refs = `${DEMO_BOOKING_REFS[0]}…${DEMO_BOOKING_REFS[DEMO_BOOKING_REFS.length - 1]}`;
console.log(`
Frontdoor is running.

  App          ${stack.url}/
  Guest        ${stack.url}/checkin/
  Front desk   ${stack.url}/desk/
  libSQL       ${stack.libsqlUrl}${config.libsqlUrl ? " (external)" : ` (sqld, data in ${config.dataDir})`}

  Demo bookings arriving today: ${refs}
  Already checked in: ${DEMO_CHECKED_IN_REF} (phone ending ${DEMO_CHECKED_IN_PHONE.slice(-4)})
  Desk login: ${config.admin.email} / ${config.admin.isDefault ? config.admin.password : "(ADMIN_PASSWORD)"}${
    config.admin.isDefault ? "  — demo default; set ADMIN_EMAIL/ADMIN_PASSWORD for real use" : ""
  }

Ctrl-C stops everything.
`);
