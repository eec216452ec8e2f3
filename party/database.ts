// One drizzle instance per isolate and URL, shared by every room the isolate hosts, so
// that db/client.ts's bound on queries in flight holds for the whole isolate. The
// client keeps no request-scoped I/O objects, which is what makes the sharing safe.
import { openDatabase, type Database } from "../db/client";
import type { RuntimeEnv } from "./env";

let cached: { key: string; db: Database } | undefined;

export function database(env: RuntimeEnv): Database {
  const key = `${env.LIBSQL_URL}\n${env.LIBSQL_AUTH_TOKEN ?? ""}`;
  if (cached?.key !== key) cached = { key, db: openDatabase(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN) };
  return cached.db;
}
