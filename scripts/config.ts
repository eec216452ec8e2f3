// Launcher configuration, read from the environment of `npm start`. Everything is
// checked here, in Node, so a typo stops start-up with the variable's name instead
// of surfacing later as a worker that fails on its first request.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { runtimeEnvSchema } from "../party/env";

/** Runtime variables the launcher does not compute itself: handed to the parties verbatim. */
export const PASSTHROUGH_VARS = [
  "LOCK_PROVIDER",
  "SEAM_API_KEY",
  "SEAM_API_URL",
  "SEAM_WEBHOOK_SECRET",
  "SEAMSIM_API_KEY",
  "SIM_LOCK_LATENCY_MS",
  "SIM_LOCK_SET_DELAY_MS",
  "LOCK_POLL_MS",
  "SIM_LOCK_FAILURE_RATE",
  "SIM_LOCK_LOST_RESPONSE_SHARE",
  "PIN_MAX_ATTEMPTS",
  "PIN_RETRY_BASE_MS",
  "PIN_RETRY_MAX_MS",
  "SESSION_EXPIRY_MINUTES",
  "ROOM_RETENTION_MINUTES",
  "GUEST_DATA_RETENTION_DAYS",
  "LOOKUP_LIMIT_PER_MINUTE",
  "LOOKUP_LIMIT_PER_REF_PER_HOUR",
  "LOOKUP_LIMIT_PER_CLIENT_REF_PER_HOUR",
  "CLIENT_IP_HEADER",
  "MESSAGE_SECRET",
  "EMAIL_PROVIDER",
  "RESEND_API_KEY",
  "RESEND_API_URL",
  "RESEND_WEBHOOK_SECRET",
  "EMAIL_FROM",
  "SMS_PROVIDER",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_API_URL",
  "TWILIO_FROM",
  "TWILIO_MESSAGING_SERVICE_SID",
  "SIM_MESSAGE_LATENCY_MS",
  "SIM_MESSAGE_FAILURE_RATE",
  "SIM_MESSAGE_WEBHOOK_DELAY_MS",
  "ICAL_POLL_MINUTES",
  "ICAL_FETCH_TIMEOUT_MS",
  "ICAL_MAX_BYTES",
  "ICAL_ALLOW_LOCAL",
  "API_LIMIT_PER_MINUTE",
  "WEBHOOK_RETRY_BASE_MS",
  "WEBHOOK_ALLOW_PRIVATE_URLS",
] as const;
export type PassthroughVar = (typeof PASSTHROUGH_VARS)[number];
export type PassthroughVars = Partial<Record<PassthroughVar, string>>;

export const DEFAULT_ADMIN = { email: "admin@frontdoor.test", password: "frontdoor-admin" } as const;

/** Reachable from this machine only; BIND_HOST=0.0.0.0 opens the app to the network. */
export const DEFAULT_BIND_HOST = "127.0.0.1";

/** The host part of a URL that reaches a server bound to `bindHost`. */
export function urlHost(bindHost: string): string {
  if (bindHost === "0.0.0.0") return "127.0.0.1";
  if (bindHost === "::") return "[::1]";
  return bindHost.includes(":") ? `[${bindHost}]` : bindHost;
}

const SECRET_NAMES = new Set([
  "INTERNAL_SECRET",
  "SESSION_SECRET",
  "LIBSQL_AUTH_TOKEN",
  "ADMIN_PASSWORD",
  "SEAM_API_KEY",
  "SEAM_WEBHOOK_SECRET",
  "SEAMSIM_API_KEY",
  "MESSAGE_SECRET",
  "RESEND_API_KEY",
  "RESEND_WEBHOOK_SECRET",
  "TWILIO_AUTH_TOKEN",
]);

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const secret = z.string().min(16, "must be at least 16 characters").optional();

const launcherEnvSchema = z.object({
  /** 0 picks a free port. */
  PORT: port(1999),
  BIND_HOST: z
    .union([z.ipv4(), z.ipv6()], "must be an IP address, e.g. 127.0.0.1 or 0.0.0.0")
    .default(DEFAULT_BIND_HOST),
  SQLD_PORT: port(8080),
  DATA_DIR: z.string().default(".data"),
  LIBSQL_URL: z.url().optional(),
  LIBSQL_AUTH_TOKEN: z.string().optional(),
  SELF_URL: z.url().optional(),
  INTERNAL_SECRET: secret,
  SESSION_SECRET: secret,
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
});

export interface Secrets {
  internalSecret: string;
  sessionSecret: string;
}

export interface LauncherConfig extends Secrets {
  port: number;
  bindHost: string;
  sqldPort: number;
  /** Absolute. */
  dataDir: string;
  /** Set means "use this database, start no local sqld". */
  libsqlUrl?: string;
  libsqlAuthToken?: string;
  /** Undefined only when PORT=0: the stack derives it from the port it picks. */
  selfUrl?: string;
  admin: { email: string; password: string; isDefault: boolean };
  runtimeVars: PassthroughVars;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], raw: Env): string {
  return issues
    .map((issue) => {
      const name = String(issue.path[0] ?? "?");
      const value = raw[name];
      const shown = value === undefined || SECRET_NAMES.has(name) ? "" : ` (got ${JSON.stringify(value)})`;
      return `  ${name}: ${issue.message}${shown}`;
    })
    .join("\n");
}

/** `.env` files often carry `KEY=` lines; an empty value means "not set", not "empty string". */
function withoutEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
}

/** Checks the pass-through runtime variables against the parties' own schema. */
export function validatePassthroughVars(env: Env): PassthroughVars {
  const raw = withoutEmpty(env);
  const picked: PassthroughVars = {};
  for (const name of PASSTHROUGH_VARS) if (raw[name] !== undefined) picked[name] = raw[name];
  const shape = Object.fromEntries(PASSTHROUGH_VARS.map((n) => [n, true])) as Record<PassthroughVar, true>;
  const parsed = runtimeEnvSchema.pick(shape).safeParse(picked);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describeIssues(parsed.error.issues, raw)}`);
  return picked;
}

/** Validates the full variable set the parties will see; same checks the worker runs at start-up. */
export function validateRuntimeVars(vars: Env): void {
  const parsed = runtimeEnvSchema.safeParse(vars);
  if (!parsed.success) {
    throw new ConfigError(`Invalid runtime configuration:\n${describeIssues(parsed.error.issues, vars)}`);
  }
}

/** Pure: reads and validates the environment, touches no files. Secrets stay undefined if unset. */
export function parseLauncherEnv(env: Env = process.env, cwd = process.cwd()) {
  const raw = withoutEmpty(env);
  const parsed = launcherEnvSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describeIssues(parsed.error.issues, raw)}`);
  const e = parsed.data;
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    const missing = e.ADMIN_EMAIL === undefined ? "ADMIN_EMAIL" : "ADMIN_PASSWORD";
    throw new ConfigError(`Invalid configuration:\n  ${missing}: set ADMIN_EMAIL and ADMIN_PASSWORD together`);
  }
  return {
    port: e.PORT,
    bindHost: e.BIND_HOST,
    sqldPort: e.SQLD_PORT,
    dataDir: resolve(cwd, e.DATA_DIR),
    libsqlUrl: e.LIBSQL_URL,
    libsqlAuthToken: e.LIBSQL_AUTH_TOKEN,
    selfUrl: e.SELF_URL ?? (e.PORT === 0 ? undefined : `http://${urlHost(e.BIND_HOST)}:${e.PORT}`),
    internalSecret: e.INTERNAL_SECRET,
    sessionSecret: e.SESSION_SECRET,
    admin:
      e.ADMIN_EMAIL !== undefined && e.ADMIN_PASSWORD !== undefined
        ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD, isDefault: false }
        : { ...DEFAULT_ADMIN, isDefault: true },
    runtimeVars: validatePassthroughVars(raw),
  };
}

const secretsFile = z.object({ internalSecret: z.string().min(16), sessionSecret: z.string().min(16) }).partial();

/**
 * Secrets not given explicitly are generated once and kept in `<dataDir>/secrets.json`,
 * so a restart does not sign every staff member out or orphan in-flight internal calls.
 */
export function loadOrCreateSecrets(dataDir: string, given: Partial<Secrets> = {}): Secrets {
  const file = resolve(dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) {
    const parsed = secretsFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) stored = parsed.data;
  }
  const fresh = () => randomBytes(32).toString("base64url");
  const secrets: Secrets = {
    internalSecret: given.internalSecret ?? stored.internalSecret ?? fresh(),
    sessionSecret: given.sessionSecret ?? stored.sessionSecret ?? fresh(),
  };
  const toStore = {
    internalSecret: given.internalSecret ? stored.internalSecret : secrets.internalSecret,
    sessionSecret: given.sessionSecret ? stored.sessionSecret : secrets.sessionSecret,
  };
  if (toStore.internalSecret !== stored.internalSecret || toStore.sessionSecret !== stored.sessionSecret) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(toStore, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

/** Everything `npm start` needs; generates and persists secrets that are not set. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): LauncherConfig {
  const parsed = parseLauncherEnv(env, cwd);
  const secrets = loadOrCreateSecrets(parsed.dataDir, {
    internalSecret: parsed.internalSecret,
    sessionSecret: parsed.sessionSecret,
  });
  return { ...parsed, ...secrets };
}
