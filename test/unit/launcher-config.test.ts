import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_ADMIN, loadConfig, parseLauncherEnv, validateRuntimeVars } from "../../scripts/config";

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("parseLauncherEnv", () => {
  it("has working defaults for an empty environment", () => {
    const config = parseLauncherEnv({}, "/srv/app");
    expect(config).toMatchObject({
      port: 1999,
      bindHost: "127.0.0.1",
      sqldPort: 8080,
      dataDir: resolve("/srv/app", ".data"),
      libsqlUrl: undefined,
      selfUrl: "http://127.0.0.1:1999",
      internalSecret: undefined,
      sessionSecret: undefined,
      admin: { ...DEFAULT_ADMIN, isDefault: true },
      runtimeVars: {},
    });
  });

  it("derives SELF_URL from PORT unless SELF_URL is set", () => {
    expect(parseLauncherEnv({ PORT: "3000" }).selfUrl).toBe("http://127.0.0.1:3000");
    expect(parseLauncherEnv({ PORT: "3000", SELF_URL: "https://frontdoor.example" }).selfUrl).toBe(
      "https://frontdoor.example",
    );
  });

  it("binds to 127.0.0.1 unless BIND_HOST opens it, and derives SELF_URL to match", () => {
    expect(parseLauncherEnv({ BIND_HOST: "0.0.0.0" })).toMatchObject({
      bindHost: "0.0.0.0",
      selfUrl: "http://127.0.0.1:1999",
    });
    expect(parseLauncherEnv({ BIND_HOST: "192.168.1.20" }).selfUrl).toBe("http://192.168.1.20:1999");
    expect(parseLauncherEnv({ BIND_HOST: "::1" }).selfUrl).toBe("http://[::1]:1999");
  });

  it("treats empty values as unset, as .env files write them", () => {
    expect(parseLauncherEnv({ PORT: "", LIBSQL_URL: " ", PIN_MAX_ATTEMPTS: "" })).toMatchObject({
      port: 1999,
      libsqlUrl: undefined,
      runtimeVars: {},
    });
  });

  it("passes runtime variables through verbatim and ignores unrelated ones", () => {
    const config = parseLauncherEnv({ SIM_LOCK_LATENCY_MS: "10-20", PIN_MAX_ATTEMPTS: "3", HOME: "/root" });
    expect(config.runtimeVars).toEqual({ SIM_LOCK_LATENCY_MS: "10-20", PIN_MAX_ATTEMPTS: "3" });
  });

  it("uses ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(parseLauncherEnv({ ADMIN_EMAIL: "boss@hotel.test", ADMIN_PASSWORD: "correct horse" }).admin).toEqual({
      email: "boss@hotel.test",
      password: "correct horse",
      isDefault: false,
    });
    expect(configError(() => parseLauncherEnv({ ADMIN_EMAIL: "boss@hotel.test" })).message).toContain("ADMIN_PASSWORD");
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["SQLD_PORT", "-1"],
    ["BIND_HOST", "localhost"],
    ["BIND_HOST", "everywhere"],
    ["LIBSQL_URL", "not a url"],
    ["SELF_URL", "localhost"],
    ["INTERNAL_SECRET", "short"],
    ["SESSION_SECRET", "short"],
    ["ADMIN_EMAIL", "nobody"],
    ["LOCK_PROVIDER", "acme"],
    ["SIM_LOCK_LATENCY_MS", "fast"],
    ["SIM_LOCK_LATENCY_MS", "200-50"],
    ["SIM_LOCK_FAILURE_RATE", "1.5"],
    ["PIN_MAX_ATTEMPTS", "0"],
    ["PIN_RETRY_BASE_MS", "1.5"],
    ["PIN_RETRY_MAX_MS", "soon"],
    ["SESSION_EXPIRY_MINUTES", "0"],
    ["LOOKUP_LIMIT_PER_MINUTE", "many"],
    ["LOOKUP_LIMIT_PER_REF_PER_HOUR", "-3"],
  ])("rejects %s=%s naming the variable", (name, value) => {
    const env = name === "ADMIN_EMAIL" ? { [name]: value, ADMIN_PASSWORD: "long enough" } : { [name]: value };
    expect(configError(() => parseLauncherEnv(env)).message).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("never echoes secret values in error messages", () => {
    const message = configError(() => parseLauncherEnv({ INTERNAL_SECRET: "hunter2" })).message;
    expect(message).toContain("INTERNAL_SECRET");
    expect(message).not.toContain("hunter2");
  });
});

describe("loadConfig secrets", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("generates secrets once and keeps them across restarts", () => {
    dir = mkdtempSync(join(tmpdir(), "frontdoor-config-"));
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.internalSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.internalSecret).not.toBe(first.sessionSecret);
    const stored = JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"));
    expect(stored).toEqual({ internalSecret: first.internalSecret, sessionSecret: first.sessionSecret });
    const second = loadConfig({ DATA_DIR: dir });
    expect([second.internalSecret, second.sessionSecret]).toEqual([first.internalSecret, first.sessionSecret]);
  });

  it("prefers secrets from the environment without overwriting stored ones", () => {
    dir = mkdtempSync(join(tmpdir(), "frontdoor-config-"));
    const generated = loadConfig({ DATA_DIR: dir });
    const given = loadConfig({ DATA_DIR: dir, SESSION_SECRET: "s".repeat(32) });
    expect(given.sessionSecret).toBe("s".repeat(32));
    expect(given.internalSecret).toBe(generated.internalSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(generated.sessionSecret);
  });
});

describe("validateRuntimeVars", () => {
  const valid = {
    LIBSQL_URL: "http://127.0.0.1:8080",
    SELF_URL: "http://127.0.0.1:1999",
    INTERNAL_SECRET: "i".repeat(32),
    SESSION_SECRET: "s".repeat(32),
  };

  it("accepts the variables the launcher hands to the parties", () => {
    expect(() => validateRuntimeVars({ ...valid, PIN_MAX_ATTEMPTS: "5" })).not.toThrow();
  });

  it("names what the worker would reject", () => {
    const { SESSION_SECRET: _, ...missing } = valid;
    expect(configError(() => validateRuntimeVars(missing)).message).toContain("SESSION_SECRET");
    expect(configError(() => validateRuntimeVars({ ...valid, LIBSQL_URL: "sqld" })).message).toContain("LIBSQL_URL");
  });
});
