// Who is calling /api/v1: the property an `Authorization: Bearer fd_live_…` key belongs to.
// Missing, malformed, unknown and revoked keys all get the same 401; each key has its own
// rate limit; the key's last-used time is written at most once a minute.
import { createMiddleware } from "hono/factory";
import { findLiveApiKey, touchApiKey } from "../../../db/queries/api-keys";
import type { PropertyRow } from "../../../db/queries/staff";
import { bearerKey, LAST_USED_RESOLUTION_MS, lastUsedIsStale } from "../../../domain/api-key";
import { apiErrorResponse, rateLimitedResponse } from "../../http-json";
import { sha256Hex } from "../../sha256";
import type { AppEnv } from "../app-env";
import { takeRateLimit } from "../rate-limit";

export interface ApiCaller {
  keyId: string;
  prefix: string;
  /** The manager who created the key: API changes are audited in their name. */
  createdBy: string;
  property: PropertyRow;
}

export type V1Env = {
  Bindings: AppEnv["Bindings"];
  Variables: AppEnv["Variables"] & { caller: ApiCaller };
};

const MINUTE = 60_000;

export const unauthorizedKey = () =>
  apiErrorResponse(
    401,
    "unauthorized",
    "Send a live API key as `Authorization: Bearer fd_live_…` (managers create keys on the desk's Integrations page).",
  );

export const requireApiKey = createMiddleware<V1Env>(async (c, next) => {
  const key = bearerKey(c.req.header("authorization"));
  if (!key) return unauthorizedKey();
  const db = c.get("db");
  const found = await findLiveApiKey(db, await sha256Hex(key));
  if (!found) return unauthorizedKey();
  const env = c.get("env");
  const limit = await takeRateLimit(env, c.env.lobby.parties, `api-key:${found.key.id}`, {
    limit: env.API_LIMIT_PER_MINUTE,
    windowMs: MINUTE,
  });
  if (!limit.allowed) return rateLimitedResponse(limit.retryAfterSeconds, "requests for this API key");
  const now = Date.now();
  if (lastUsedIsStale(found.key.lastUsedAt, now)) {
    c.env.ctx.waitUntil(touchApiKey(db, found.key.id, now, now - LAST_USED_RESOLUTION_MS).catch(() => {}));
  }
  c.set("caller", {
    keyId: found.key.id,
    prefix: found.key.prefix,
    createdBy: found.key.createdBy,
    property: found.property,
  });
  c.header("cache-control", "no-store");
  await next();
});
