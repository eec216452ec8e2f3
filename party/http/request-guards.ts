// Checks every state-changing API request passes before a route reads it: it comes
// from our own pages (or from no browser at all), and it declares JSON. A form on
// another site can post text/plain without a preflight; refusing anything but
// application/json closes that path even where Origin checks do not apply.
import { createMiddleware } from "hono/factory";
import { apiErrorResponse } from "../http-json";
import { isSameOriginRequest } from "../same-origin";
import type { AppEnv } from "./app-env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Read before giving up so the client's next request on the connection is not reset. */
const MAX_DRAIN_BYTES = 64 * 1024;

export function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  return (length !== null && length !== "0") || req.headers.has("transfer-encoding");
}

export function isJson(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

export const sameOriginOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  if (!isSameOriginRequest(c.req.raw, c.get("env").SELF_URL)) {
    return apiErrorResponse(403, "cross_origin", "Requests must come from this site's own pages.");
  }
  await next();
});

export const jsonOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const contentType = c.req.header("content-type") ?? null;
  if ((contentType !== null || hasBody(c.req.raw)) && !isJson(contentType)) {
    return apiErrorResponse(415, "unsupported_media_type", "Send the request body as application/json.");
  }
  await next();
});

/**
 * A response sent before the body was read leaves it in the connection, and the
 * runtime then resets the connection, taking the client's next request with it.
 * Reads what is left (up to a bound) after any route that did not.
 */
export const drainUnreadBody = createMiddleware<AppEnv>(async (c, next) => {
  const raw = c.req.raw;
  await next();
  if (!raw.body || raw.bodyUsed || raw.body.locked) return;
  const reader = raw.body.getReader();
  let read = 0;
  try {
    while (read <= MAX_DRAIN_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) return;
      read += chunk.value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away; nothing left to protect.
  }
});

/** The one non-JSON API body besides the CSV import: provider webhooks posted as HTML forms. */
export const formOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/x-www-form-urlencoded") {
    return apiErrorResponse(
      415,
      "unsupported_media_type",
      "Send the request body as application/x-www-form-urlencoded.",
    );
  }
  await next();
});
