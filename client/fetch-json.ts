// The client's one way to call the HTTP API: bodies are checked against the shared
// schemas both ways, and every failure becomes one `ApiFailure` a page can word for
// its reader. Guest and desk differ only in options (the desk's 401 hook).
import { z } from "zod/mini";
import { apiError } from "../shared/protocol/errors";

export type ApiFailure =
  | { kind: "unauthorized" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "status"; status: number; code: string; message: string; fields?: Record<string, string> }
  | { kind: "network" };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export interface FetchJsonOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON; a body without a method means POST. */
  body?: unknown;
  /** Sent as text/csv instead of a JSON body (the bookings import). */
  csv?: string;
  /** Statuses whose body is an answer in `schema`'s shape, not a failure (a lookup's 404). */
  answerStatuses?: readonly number[];
  /** Called when the server says the session is gone (401), before the failure is returned. */
  onUnauthorized?: () => void;
}

const DEFAULT_RETRY_AFTER_SECONDS = 60;

export async function fetchJson<T>(
  url: string,
  schema: z.core.$ZodType<T>,
  options: FetchJsonOptions = {},
): Promise<ApiResult<T>> {
  const hasBody = options.body !== undefined || options.csv !== undefined;
  const contentType = options.csv !== undefined ? "text/csv" : "application/json";
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(url, {
      method: options.method ?? (hasBody ? "POST" : "GET"),
      credentials: "same-origin",
      headers: hasBody ? { "content-type": contentType } : undefined,
      body: options.csv ?? (hasBody ? JSON.stringify(options.body) : undefined),
    });
    json = await response.json().catch(() => null);
  } catch {
    return { ok: false, failure: { kind: "network" } };
  }
  if (response.ok || options.answerStatuses?.includes(response.status)) {
    const parsed = z.safeParse(schema, json);
    if (parsed.success) return { ok: true, value: parsed.data };
    if (response.ok) return { ok: false, failure: unexpectedAnswer(response.status) };
  }
  const error = apiError.safeParse(json);
  if (response.status === 401 && (!error.success || error.data.error.code === "unauthorized")) {
    options.onUnauthorized?.();
    return { ok: false, failure: { kind: "unauthorized" } };
  }
  if (response.status === 429) {
    const header = Number(response.headers.get("retry-after"));
    const fromBody = error.success ? error.data.error.retryAfterSeconds : undefined;
    const retryAfterSeconds = fromBody ?? (header > 0 ? header : DEFAULT_RETRY_AFTER_SECONDS);
    return { ok: false, failure: { kind: "rate-limited", retryAfterSeconds } };
  }
  if (error.success) return { ok: false, failure: { kind: "status", status: response.status, ...error.data.error } };
  const message = response.statusText || "Request failed";
  return { ok: false, failure: { kind: "status", status: response.status, code: "unexpected", message } };
}

function unexpectedAnswer(status: number): ApiFailure {
  const message = "The server sent an answer this page does not understand.";
  return { kind: "status", status, code: "unexpected", message };
}
