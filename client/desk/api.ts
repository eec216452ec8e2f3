// The desk's HTTP calls. The fd_staff cookie rides along on every same-origin fetch;
// page scripts never see it (HttpOnly). Answers are checked against the shared
// schemas; a 401 anywhere means the session ended and the app goes back to sign-in.
import { z } from "zod/mini";
import { fetchJson, type ApiFailure, type ApiResult, type FetchJsonOptions } from "../fetch-json";
import {
  deskAnalyticsResponse,
  deskArrivalsResponse,
  deskMe,
  deskRevealPinResponse,
  deskSessionActionResponse,
  type DeskAnalyticsResponse,
  type DeskArrivalsResponse,
  type DeskMe,
  type DeskRevealPinResponse,
  type DeskSessionActionResponse,
} from "../../shared/protocol/desk-http";

let onUnauthorized: () => void = () => {};
/** Called once by the app: where to go when any call finds the session gone. */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler;
}

export function call<T>(
  path: string,
  schema: z.core.$ZodType<T>,
  init: { method?: FetchJsonOptions["method"]; body?: unknown; csv?: string; quietOn401?: boolean } = {},
): Promise<ApiResult<T>> {
  const { quietOn401, ...request } = init;
  const hook = quietOn401 ? undefined : () => onUnauthorized();
  return fetchJson(`/api/desk${path}`, schema, { ...request, onUnauthorized: hook });
}

const ok = z.looseObject({ ok: z.literal(true) });

export const deskApi = {
  login: (email: string, password: string) =>
    call("/login", ok, { method: "POST", body: { email, password }, quietOn401: true }),
  logout: () => call("/logout", ok, { method: "POST", quietOn401: true }),
  me: (): Promise<ApiResult<DeskMe>> => call("/me", deskMe, { quietOn401: true }),
  arrivals: (): Promise<ApiResult<DeskArrivalsResponse>> => call("/arrivals", deskArrivalsResponse),
  analytics: (range: { from?: string; to?: string }): Promise<ApiResult<DeskAnalyticsResponse>> =>
    call(`/analytics${rangeQuery(range)}`, deskAnalyticsResponse),
  retryPins: (sessionId: string): Promise<ApiResult<DeskSessionActionResponse>> =>
    call(`/sessions/${encodeURIComponent(sessionId)}/retry-pins`, deskSessionActionResponse, { method: "POST" }),
  manualPin: (sessionId: string, pin: string): Promise<ApiResult<DeskSessionActionResponse>> =>
    call(`/sessions/${encodeURIComponent(sessionId)}/manual-pin`, deskSessionActionResponse, {
      method: "POST",
      body: { pin },
    }),
  revealPin: (sessionId: string): Promise<ApiResult<DeskRevealPinResponse>> =>
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

export function failureMessage(f: ApiFailure): string {
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
