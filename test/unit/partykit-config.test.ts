import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writePartykitConfig, writeRuntimeVars } from "../../scripts/partykit-config";
import { REPO_ROOT } from "../../scripts/stack";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "frontdoor-pkconfig-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;
const vars = { INTERNAL_SECRET: "i".repeat(32), SESSION_SECRET: "s".repeat(32) };

describe("writePartykitConfig", () => {
  it("points partykit at the repository's parties and our client directory", () => {
    const path = writePartykitConfig({ repoRoot: REPO_ROOT, dataDir, clientDir: "/c" });
    const config = JSON.parse(readFileSync(path, "utf8"));
    expect(config.main).toBe(join(REPO_ROOT, "party/main.ts"));
    expect(config.serve.path).toBe("/c");
    expect(config.vars).toBeUndefined();
  });

  it("adds a stack's own parties (the bench's echo) without putting them in partykit.json", () => {
    const plain = JSON.parse(
      readFileSync(writePartykitConfig({ repoRoot: REPO_ROOT, dataDir, clientDir: "/c" }), "utf8"),
    );
    expect(plain.parties.echo).toBeUndefined();
    const extraParties = { echo: "party/echo/server.ts" };
    const path = writePartykitConfig({ repoRoot: REPO_ROOT, dataDir, clientDir: "/c", extraParties });
    const config = JSON.parse(readFileSync(path, "utf8"));
    expect(config.parties.echo).toBe(join(REPO_ROOT, "party/echo/server.ts"));
    expect(config.parties.checkin).toBe(join(REPO_ROOT, "party/checkin/server.ts"));
  });
});

describe("writeRuntimeVars", () => {
  it("keeps the variables in a file only its owner can read", () => {
    const path = writeRuntimeVars(dataDir, vars);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(vars);
    expect(mode(path)).toBe(0o600);
  });

  it("narrows an older, wider copy to 0600", () => {
    const path = join(dataDir, "runtime-vars.json");
    writeFileSync(path, "{}");
    chmodSync(path, 0o644);
    writeRuntimeVars(dataDir, vars);
    expect(mode(path)).toBe(0o600);
  });
});
