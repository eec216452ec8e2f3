// Applies the committed drizzle-kit migrations. Used by the launcher before the
// parties start, so the worker can assume the schema exists.
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { migrate } from "drizzle-orm/libsql/migrator";

/** Resolved from this file, not the cwd: tests and scripts run from anywhere. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export async function applyMigrations(url: string, authToken?: string): Promise<void> {
  const client = createClient({ url, authToken: authToken || undefined });
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    client.close();
  }
}
