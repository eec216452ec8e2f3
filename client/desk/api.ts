// The desk's HTTP calls. The fd_staff cookie rides along on every same-origin fetch;
// page scripts never see it (HttpOnly). Answers are checked against the shared
// schemas; a 401 anywhere means the session ended and the app goes back to sign-in.
import { z } from "zod/mini";
import { deskAnalyticsResponse, deskArrivalsResponse, deskMe, deskRevealPinResponse, deskSessionActionResponse, type DeskAnalyticsResponse, type DeskArrivalsResponse, type DeskMe, type DeskRevealPinResponse, type DeskSessionActionResponse } from "../../shared/protocol/desk-http";
import { apiError } from "../../shared/protocol/errors";

export type DeskFailure =
  | { kind: "unauthorized" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "status"; status: number; code: string; message: string; fields?: Record<string, string> }
  | { kind: "network" };

export type DeskResult<T> = { ok: true; value: T } | { ok: false; failure: DeskFailure };

let onUnauthorized: () => void = () => {};
/** Called once by the app: where to go when any call finds the session gone. */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler;
}

async function call<T>(
  path: string,
  schema: z.core.$ZodType<T>,
  init: { method?: "GET" | "POST"; body?: unknown; quietOn401?: boolean } = {},
): Promise<DeskResult<T>> {
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(`/api/desk${path}`, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    json = await response.json().catch(() => null);
  } catch {
    return { ok: false, failure: { kind: "network" } };
  }
  if (response.ok) {
    const parsed = z.safeParse(schema, json);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, failure: { kind: "status", status: response.status, code: "unexpected", message: "The server sent an answer this page does not understand." } };
  }
  const error = apiError.safeParse(json);
  if (response.status === 401 && (!error.success || error.data.error.code === "unauthorized")) {
    if (!init.quietOn401) onUnauthorized();
    return { ok: false, failure: { kind: "unauthorized" } };
  }
  if (response.status === 429) {
    const seconds = error.success ? error.data.error.retryAfterSeconds : undefined;
    return { ok: false, failure: { kind: "rate-limited", retryAfterSeconds: seconds ?? (Number(response.headers.get("retry-after")) || 60) } };
  }
  return {
    ok: false,
    failure: error.success
      ? { kind: "status", status: response.status, ...error.data.error }
      : { kind: "status", status: response.status, code: "unexpected", message: response.statusText || "Request failed" },
  };
}

const ok = z.looseObject({ ok: z.literal(true) });

export const deskApi = {
  login: (email: string, password: string) => call("/login", ok, { method: "POST", body: { email, password }, quietOn401: true }),
  logout: () => call("/logout", ok, { method: "POST", quietOn401: true }),
  me: (): Promise<DeskResult<DeskMe>> => call("/me", deskMe, { quietOn401: true }),
  arrivals: (): Promise<DeskResult<DeskArrivalsResponse>> => call("/arrivals", deskArrivalsResponse),
  analytics: (range: { from?: string; to?: string }): Promise<DeskResult<DeskAnalyticsResponse>> =>
    call(`/analytics${rangeQuery(range)}`, deskAnalyticsResponse),
  retryPins: (sessionId: string): Promise<DeskResult<DeskSessionActionResponse>> =>
    call(`/sessions/${encodeURIComponent(sessionId)}/retry-pins`, deskSessionActionResponse, { method: "POST" }),
  manualPin: (sessionId: string, pin: string): Promise<DeskResult<DeskSessionActionResponse>> =>
    call(`/sessions/${encodeURIComponent(sessionId)}/manual-pin`, deskSessionActionResponse, { method: "POST", body: { pin } }),
  revealPin: (sessionId: string): Promise<DeskResult<DeskRevealPinResponse>> =>
    call(`/sessions/${encodeURIComponent(sessionId)}/reveal-pin`, deskRevealPinResponse, { method: "POST" }),
};

export function rangeQuery(range: { from?: string; to?: string }): string {
  const q = new URLSearchParams();
  if (range.from) q.set("from", range.from);
  if (range.to) q.set("to", range.to);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function csvUrl(range: { from: string; to: string }): string {
  return `/api/desk/analytics.csv${rangeQuery(range)}`;
}

export function failureMessage(f: DeskFailure): string {
  switch (f.kind) {
    case "unauthorized":
      return "Your session has ended. Sign in again.";
    case "rate-limited":
      return `Too many attempts. Try again in ${f.retryAfterSeconds} seconds.`;
    case "network":
      return "Can't reach the server. Check the connection and try again.";
    case "status":
      return f.message;
  }
}
