// The integrators' API, mounted at /api/v1. The OpenAPI document is open; everything else
// needs an API key (requireApiKey) and answers for that key's property only.
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireApiKey, type V1Env } from "./context";
import { openApiDocument } from "./openapi";
import { reservationsV1 } from "./reservations";
import { roomsV1 } from "./rooms";

const withKey = new Hono<V1Env>();
withKey.use("*", requireApiKey);
withKey.route("/", reservationsV1);
withKey.route("/", roomsV1);

let cachedDocument: { origin: string; body: string } | undefined;

export const v1Routes = new Hono<AppEnv>();
v1Routes.get("/openapi.json", (c) => {
  const origin = new URL(c.get("env").SELF_URL).origin;
  if (cachedDocument?.origin !== origin) cachedDocument = { origin, body: JSON.stringify(openApiDocument(origin)) };
  return c.body(cachedDocument.body, 200, { "content-type": "application/json" });
});
v1Routes.route("/", withKey);
