// Small helpers shared by every party's onRequest: bounded JSON bodies and the one
// error shape (`apiError`) clients know how to show.
import type { z } from "zod/mini";
import { decodeJson } from "../shared/decode";
import { MAX_MESSAGE_BYTES } from "../shared/protocol/common";
import type { ApiError } from "../shared/protocol/errors";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function apiErrorResponse(
  status: number,
  code: string,
  message: string,
  extra: Partial<ApiError["error"]> = {},
): Response {
  return json({ error: { code, message, ...extra } }, status);
}

/** A 429 whose body and Retry-After header agree, so the client can count down either way. */
export function rateLimitedResponse(retryAfterSeconds: number, what = "attempts"): Response {
  const message = `Too many ${what}. Try again in ${retryAfterSeconds} seconds.`;
  const res = apiErrorResponse(429, "rate_limited", message, { retryAfterSeconds });
  res.headers.set("retry-after", String(retryAfterSeconds));
  return res;
}

export function issuesToFields(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Reads at most MAX_MESSAGE_BYTES and validates against `schema` (any zod 4 schema, classic or mini). */
export async function readJsonBody<T>(req: Request, schema: z.core.$ZodType<T>): Promise<Parsed<T>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_MESSAGE_BYTES) return { ok: false, response: tooLarge() };
  const decoded = decodeJson(await req.text(), schema);
  if (decoded.ok) return { ok: true, value: decoded.value };
  switch (decoded.reason) {
    case "not_text":
    case "invalid_json":
      return { ok: false, response: apiErrorResponse(400, "invalid_json", "Request body is not valid JSON") };
    case "too_large":
      return { ok: false, response: tooLarge() };
    case "invalid_shape":
      return {
        ok: false,
        response: apiErrorResponse(400, "validation", "Request body does not match the expected shape", {
          fields: issuesToFields(decoded.error),
        }),
      };
  }
}

function tooLarge(): Response {
  return apiErrorResponse(413, "too_large", `Request body over ${MAX_MESSAGE_BYTES} bytes`);
}
