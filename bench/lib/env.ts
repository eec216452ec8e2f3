// What every scenario gets: the running stack, a database handle for seeding and
// checking, and the run's options.
import type { Database } from "../../db/client";
import type { Stack } from "../../scripts/stack";
import type { BenchOptions } from "./args";

export interface BenchEnv {
  stack: Stack;
  db: Database;
  baseUrl: string;
  wsBase: string;
  secret: string;
  /** API key of the Seam simulator, for counting the codes it holds. */
  seamSimKey: string;
  options: BenchOptions;
  log(line: string): void;
  /** Warnings and errors the runtime and sqld have logged so far on this stack. */
  runtimeProblems(): readonly string[];
}

/** Identical messages counted once each, ids and numbers masked so they group. */
export function tallyErrors(errors: (string | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of errors) {
    if (!e) continue;
    const key = e
      .replace(/[A-Za-z0-9_-]{22,}/g, "<id>")
      .replace(/\d+/g, "N")
      .slice(0, 200);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
