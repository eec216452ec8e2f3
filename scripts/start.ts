// `npm start`: the whole app on one machine, demo data included.
import { existsSync } from "node:fs";
import { ConfigError, DEFAULT_BIND_HOST, loadConfig, type LauncherConfig } from "./config";
import { DEMO_BOOKING_REFS, DEMO_CHECKED_IN_PHONE, DEMO_CHECKED_IN_REF } from "../db/seed";
import { type RuntimeWatch, watchRuntime } from "./runtime-watch";
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
let watch: RuntimeWatch | undefined;
let stoppingSince: number | undefined;
/** A Ctrl-C reaches us twice at once, from the terminal and forwarded by npm: that is one. */
const REPEAT_MS = 1000;

async function shutdown(reason: string, exitCode = 0) {
  if (stoppingSince !== undefined) {
    // A second Ctrl-C means "now": the supervisor's exit hook SIGKILLs what is left.
    if (Date.now() - stoppingSince >= REPEAT_MS) process.exit(1);
    return;
  }
  stoppingSince = Date.now();
  console.log(`\n[start] ${reason}: stopping…`);
  watch?.stop();
  await stack?.stop();
  process.exit(exitCode);
}
// `npm start` execs into this Node process (see package.json), so npm's forwarded SIGTERM
// reaches us directly. (tsx's own CLI would sit in between and SIGKILL us if we took more
// than 30 ms to acknowledge a signal, which a loaded machine easily does.) Nothing watches
// the processes above us: nohup, setsid or a supervisor may re-parent them as they like.
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// A hangup means our terminal went away. Without one (nohup, a service, a log file on
// stdin's place) there is nothing to hang up, and Node would otherwise die of it even
// under nohup, which cannot keep a Node process's SIGHUP ignored.
process.on("SIGHUP", () => {
  if (process.stdin.isTTY) void shutdown("SIGHUP");
  else console.log("[start] SIGHUP ignored: not attached to a terminal");
});

try {
  stack = await startStack({
    dataDir: config.dataDir,
    port: config.port,
    bindHost: config.bindHost,
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
if (stoppingSince !== undefined) await new Promise(() => {}); // shutdown() is already on its way.
watch = watchRuntime(stack, {
  say: (text) => console.log(`[start] ${text}`),
  onGiveUp: (reason) => {
    console.error(`[start] ${reason}; see the [party] lines above`);
    void shutdown("runtime failed", 1);
  },
});

const reach =
  config.bindHost === DEFAULT_BIND_HOST
    ? "  (this machine only; BIND_HOST=0.0.0.0 opens it)"
    : `  (listening on ${config.bindHost})`;
const refs = `${DEMO_BOOKING_REFS[0]}…${DEMO_BOOKING_REFS[DEMO_BOOKING_REFS.length - 1]}`;
console.log(`
Frontdoor is running.

  App          ${stack.url}/${reach}
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
