// The guest's HTTP calls. Bodies are checked against the shared schemas both ways,
// and every failure becomes one `ApiFailure` the pages can word for the guest.
import { z } from "zod/mini";
import { apiError } from "../shared/protocol/errors";
import { lookupResponse, stayAccessResponse, stayResponse, type LookupResponse, type StayResponse } from "../shared/protocol/guest-http";

export type ApiFailure =
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "status"; status: number; code: string; message: string; fields?: Record<string, string> }
  | { kind: "network" };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

/** 404 with a `not-found` lookup body is an answer, not a failure. */
export function lookup(bookingRef: string): Promise<ApiResult<LookupResponse>> {
  return call("/api/lookup", { bookingRef }, lookupResponse, [404]);
}

export function stayAccess(bookingRef: string, phoneLast4: string): Promise<ApiResult<{ stayToken: string }>> {
  return call("/api/stay-access", { bookingRef, phoneLast4 }, stayAccessResponse);
}

export function stay(token: string): Promise<ApiResult<StayResponse>> {
  return call(`/api/stay/${encodeURIComponent(token)}`, undefined, stayResponse);
}

async function call<T>(
  url: string,
  body: unknown,
  schema: z.core.$ZodType<T>,
  answerStatuses: number[] = [],
): Promise<ApiResult<T>> {
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    json = await response.json().catch(() => null);
  } catch {
    return { ok: false, failure: { kind: "network" } };
  }
  if (response.ok || answerStatuses.includes(response.status)) {
    const parsed = z.safeParse(schema, json);
    if (parsed.success) return { ok: true, value: parsed.data };
  }
  const error = apiError.safeParse(json);
  if (response.status === 429) {
    const header = Number(response.headers.get("retry-after"));
    const seconds = error.success ? error.data.error.retryAfterSeconds : undefined;
    return { ok: false, failure: { kind: "rate-limited", retryAfterSeconds: seconds ?? (header > 0 ? header : 60) } };
  }
  return {
    ok: false,
    failure: error.success
      ? { kind: "status", status: response.status, ...error.data.error }
      : { kind: "status", status: response.status, code: "unexpected", message: response.statusText },
  };
}
