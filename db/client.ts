// One way to reach the database from every runtime (workerd parties, Node scripts,
// tests, benchmarks): libSQL's HTTP protocol through drizzle. Local sqld and Turso
// differ only in URL and token.
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

export type Database = ReturnType<typeof openDatabase>;

export function openDatabase(url: string, authToken?: string) {
  const client = createClient({ url, authToken: authToken || undefined });
  return drizzle(client, { schema });
}
