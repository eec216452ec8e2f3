// Twilio's error codes (https://www.twilio.com/docs/api/errors) as SendOutcomes and desk
// words. Twilio's `message` quotes the phone number, so only the code reaches the desk.
import type { SendOutcome } from "../channel";
import { retryAfterMs } from "../resend/errors";

const PROVIDER = "twilio";

const SEND_ERRORS: Record<number, string> = {
  20003: "Twilio refused the credentials; check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN",
  21211: "Invalid phone number",
  21408: "Sending to this country is not enabled on the Twilio account",
  21602: "Message body is empty",
  21603: "No sender set; set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID",
  21606: "The sender number cannot send SMS; check TWILIO_FROM",
  21610: "The recipient replied STOP to this sender",
  21612: "Twilio cannot route a message to this number",
  21614: "Not a mobile number",
  21617: "Message body too long",
  21659: "The sender is not a Twilio number of this account; check TWILIO_FROM",
};

/** Delivery errors a status callback carries with `undelivered` / `failed`. */
const DELIVERY_ERRORS: Record<number, string> = {
  30001: "Twilio's queue for the sender overflowed",
  30002: "The Twilio account is suspended",
  30003: "Unreachable handset (switched off or out of coverage)",
  30004: "Message blocked by the recipient or their carrier",
  30005: "Unknown number (it does not exist)",
  30006: "Landline or unreachable carrier",
  30007: "Filtered by the carrier as spam",
  30008: "Unknown delivery error",
  30034: "Sender number not registered for US A2P 10DLC",
};

export const deliveryErrorWords = (code: number | undefined): string =>
  code === undefined
    ? "Not delivered (Twilio gave no reason)"
    : `${DELIVERY_ERRORS[code] ?? "Not delivered"} (Twilio ${code})`;

export function twilioFailure(status: number, code: number | undefined, retryAfter: string | null): SendOutcome {
  if (status === 429 || code === 20429) {
    return {
      ok: false,
      provider: PROVIDER,
      kind: "transient",
      reason: `Twilio rate limit reached (Twilio ${code ?? 20429})`,
      retryAfterMs: retryAfterMs(retryAfter),
    };
  }
  if (status >= 500 || status === 408) {
    return { ok: false, provider: PROVIDER, kind: "transient", reason: `Twilio is unavailable (HTTP ${status})` };
  }
  const words = code !== undefined ? SEND_ERRORS[code] : undefined;
  return {
    ok: false,
    provider: PROVIDER,
    kind: "permanent",
    ...(code === 21610 ? { optedOut: true } : {}),
    reason: words ? `${words} (Twilio ${code})` : `Twilio refused the message (HTTP ${status}, Twilio ${code ?? "?"})`,
  };
}

export function twilioUnreachable(err: unknown): SendOutcome {
  const timeout = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
  return {
    ok: false,
    provider: PROVIDER,
    kind: "transient",
    reason: timeout ? "Twilio did not answer in time" : "Twilio could not be reached",
  };
}
