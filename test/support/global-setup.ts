// Builds the client once per test run into a private directory that every test stack
// serves. partykit dev reloads its worker, dropping every socket, whenever the served
// directory changes, so test stacks must not serve dist/client, which `npm start` or
// another run may be rebuilding.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildClientBundle } from "../../scripts/stack";

declare module "vitest" {
  export interface ProvidedContext {
    /** Built client for test stacks; empty when the client does not exist. */
    frontdoorClientDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "frontdoor-client-"));
  const lines: string[] = [];
  try {
    await buildClientBundle((line) => lines.push(line), dir);
  } catch (err) {
    console.error(lines.join("\n"));
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  project.provide("frontdoorClientDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
