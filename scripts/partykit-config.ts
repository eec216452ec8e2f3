// What `partykit dev` runs with, generated under a stack's data directory.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseEnv } from "node:util";
import { runtimeEnvSchema } from "../party/env";
import { validateRuntimeVars } from "./config";

interface PartykitJson {
  main?: string;
  parties?: Record<string, string>;
  serve?: string | { path?: string };
}

function writePrivate(path: string, text: string) {
  writeFileSync(path, text, { mode: 0o600 });
  // mode applies only when the file is created; an older copy may be wider.
  chmodSync(path, 0o600);
}

/**
 * The repository's partykit.json with absolute paths and our client directory, in
 * `<dataDir>/partykit.json`. partykit dev watches the served directory and reloads the
 * worker (dropping every socket) when it changes, so a test stack serves its own snapshot.
 */
export function writePartykitConfig(opts: {
  repoRoot: string;
  dataDir: string;
  clientDir: string;
  /** Parties for this stack only, name -> path from the repo root (the bench's echo). */
  extraParties?: Record<string, string>;
}): string {
  const config = JSON.parse(readFileSync(join(opts.repoRoot, "partykit.json"), "utf8")) as PartykitJson;
  if (config.main) config.main = resolve(opts.repoRoot, config.main);
  const parties = { ...config.parties, ...opts.extraParties };
  config.parties = parties;
  for (const [name, path] of Object.entries(parties)) parties[name] = resolve(opts.repoRoot, path);
  const serve = typeof config.serve === "object" ? config.serve : {};
  config.serve = { ...serve, path: opts.clientDir };
  const target = join(opts.dataDir, "partykit.json");
  writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`);
  return target;
}

/**
 * The runtime variables, secrets included, in `<dataDir>/runtime-vars.json` (mode 0600),
 * for scripts/runtime/partykit-preload.cjs to hand to partykit dev off its command line.
 */
export function writeRuntimeVars(dataDir: string, vars: Record<string, string>): string {
  const target = join(dataDir, "runtime-vars.json");
  writePrivate(target, `${JSON.stringify(vars, null, 2)}\n`);
  return target;
}

/**
 * partykit dev loads the nearest `.env` above its working directory itself and hands
 * every entry to the parties, under the vars we pass. Validate what the worker will
 * really see, and say when the file adds runtime variables the caller did not choose
 * (a test stack is then not hermetic).
 */
export function checkRuntimeVars(repoRoot: string, vars: Record<string, string>, say: (text: string) => void) {
  let dir = repoRoot;
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
