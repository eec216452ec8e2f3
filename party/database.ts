// One drizzle instance per isolate and URL: the HTTP client is stateless, so sharing
// it across requests is safe and saves re-creating it on every call.
import { openDatabase, type Database } from "../db/client";
import type { RuntimeEnv } from "./env";

let cached: { key: string; db: Database } | undefined;

export function database(env: RuntimeEnv): Database {
  const key = `${env.LIBSQL_URL}\n${env.LIBSQL_AUTH_TOKEN ?? ""}`;
  if (cached?.key !== key) cached = { key, db: openDatabase(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN) };
  return cached.db;
}
