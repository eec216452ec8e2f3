import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes migrations from db/schema.ts; `npx drizzle-kit migrate`
// applies them to LIBSQL_URL (npm start applies them itself through db/migrate.ts).
export default defineConfig({
  dialect: "turso",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: {
    url: process.env.LIBSQL_URL ?? "http://127.0.0.1:8080",
    authToken: process.env.LIBSQL_AUTH_TOKEN,
  },
});
