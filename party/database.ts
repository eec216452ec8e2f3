// One drizzle instance per isolate, URL and priority, reused by every room the isolate hosts
// instead of being rebuilt per request. The bound on queries in flight lives in
// db/client.ts at module level, so it holds for the whole isolate either way.
import { openDatabase, type Database, type QueryPriority } from "../db/client";
import type { RuntimeEnv } from "./env";

const cached = new Map<QueryPriority, { key: string; db: Database }>();

/** `background` is for writes no one waits on (analytics), so they never queue ahead of a guest. */
export function database(env: RuntimeEnv, priority: QueryPriority = "guest"): Database {
  const key = `${env.LIBSQL_URL}\n${env.LIBSQL_AUTH_TOKEN ?? ""}`;
  let entry = cached.get(priority);
  if (entry?.key !== key) {
    entry = { key, db: openDatabase(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN, priority) };
    cached.set(priority, entry);
  }
  return entry.db;
}
