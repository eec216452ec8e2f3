// Resend's answers as a SendOutcome: what to retry, what never to retry, and plain words
// for the desk. Resend's `message` can quote the request (the address), so only its error
// `name` and status reach the desk.
import type { SendOutcome } from "../channel";

const PROVIDER = "resend";

const PERMANENT_WORDS: Record<string, string> = {
  validation_error: "Resend refused the message as invalid (validation_error)",
  missing_required_field: "Resend refused the message: a required field is missing (missing_required_field)",
  invalid_from_address: "Resend refused the sender address; check EMAIL_FROM (invalid_from_address)",
  invalid_to_address: "Invalid email address (Resend invalid_to_address)",
  missing_api_key: "Resend refused the request: no API key (missing_api_key)",
  invalid_api_key: "Resend refused the API key; check RESEND_API_KEY (invalid_api_key)",
  restricted_api_key: "The Resend API key may not send email (restricted_api_key)",
  invalid_idempotent_request: "Resend saw this message's key with a different message (invalid_idempotent_request)",
};

export function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.min(at - Date.now(), 3_600_000));
}

export function resendFailure(status: number, name: string | undefined, retryAfter: string | null): SendOutcome {
  const label = name ?? `HTTP ${status}`;
  if (status === 429) {
    const quota = name === "daily_quota_exceeded" || name === "monthly_quota_exceeded";
    return {
      ok: false,
      provider: PROVIDER,
      kind: "transient",
      reason: quota ? `Resend sending quota reached (${label})` : `Resend rate limit reached (${label})`,
      retryAfterMs: retryAfterMs(retryAfter) ?? (quota ? 3_600_000 : undefined),
    };
  }
  if (status >= 500 || status === 408 || name === "concurrent_idempotent_requests") {
    return { ok: false, provider: PROVIDER, kind: "transient", reason: `Resend is unavailable (${label})` };
  }
  const reason = (name && PERMANENT_WORDS[name]) ?? `Resend refused the message (HTTP ${status}, ${label})`;
  return { ok: false, provider: PROVIDER, kind: "permanent", reason };
}

export function resendUnreachable(err: unknown): SendOutcome {
  const timeout = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
  return {
    ok: false,
    provider: PROVIDER,
    kind: "transient",
    reason: timeout ? "Resend did not answer in time" : "Resend could not be reached",
  };
}
