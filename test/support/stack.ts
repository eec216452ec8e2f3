// One isolated system per test file: its own temp data dir, free ports, fresh
// secrets and database. Logs are kept quiet; set FRONTDOOR_TEST_LOGS=1 to see them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { startStack, type Stack, type StackOptions } from "../../scripts/stack";

export interface TestStack extends Stack {
  /** Drizzle over the stack's sqld, for arranging data and asserting on it. */
  db: Database;
}

export async function startTestStack(
  vars: Record<string, string> = {},
  options: Partial<Omit<StackOptions, "dataDir" | "runtimeVars">> = {},
): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdoor-test-"));
  let stack: Stack;
  try {
    stack = await startStack({
      dataDir,
      // Built once by test/support/global-setup.ts; see there why not dist/client.
      clientDir: inject("frontdoorClientDir") || join(dataDir, "client"),
      // The tests stand in for Cloudflare's edge, giving each simulated client its own address.
      runtimeVars: { CLIENT_IP_HEADER: "cf-connecting-ip", ...vars },
      log: process.env.FRONTDOOR_TEST_LOGS === "1",
      ...options,
    });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const db = openDatabase(stack.libsqlUrl, stack.libsqlAuthToken);
  let stopped = false;
  return {
    ...stack,
    db,
    async stop() {
      if (stopped) return;
      stopped = true;
      db.$client.close();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
