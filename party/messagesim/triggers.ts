// The simulator's deterministic behaviours, chosen by recipient so tests and demos can ask
// for each documented outcome without a knob. Twilio's own test numbers
// (https://www.twilio.com/docs/iam/test-credentials) and Resend's test addresses
// (delivered@ / bounced@ / complained@resend.dev) mean what the vendors say they mean.

/** The answer to a send before anything is stored: N refusals, then success. */
export interface Refusals {
  status: 429 | 503;
  times: number;
}

export type EmailFate = "delivered" | "bounced" | "complained" | "delayed";

/** `ratelimit2@…` answers 429 twice then accepts; `down3@…` answers 5xx three times (per message). */
export function emailRefusals(to: string): Refusals | null {
  const local = to.split("@")[0]?.toLowerCase() ?? "";
  const m = /^(ratelimit|down)(\d)(?:[+.-].*)?$/.exec(local);
  if (!m) return null;
  return { status: m[1] === "ratelimit" ? 429 : 503, times: Number(m[2]) };
}

/** `bounced@resend.dev` or `bounce…@any`: bounces; `complained@…`/`complain…`: delivered then a complaint. */
export function emailFate(to: string): EmailFate {
  const local = to.split("@")[0]?.toLowerCase() ?? "";
  if (local.startsWith("bounce")) return "bounced";
  if (local.startsWith("complain")) return "complained";
  if (local.startsWith("delayed")) return "delayed";
  return "delivered";
}

/** Twilio's magic To numbers and the error each answers at once. */
const SMS_REFUSED: Record<string, number> = {
  "+15005550001": 21211,
  "+15005550002": 21612,
  "+15005550003": 21408,
  "+15005550004": 21610,
  "+15005550009": 21614,
};

export const smsRefusedCode = (to: string): number | undefined => SMS_REFUSED[to];

/** `+1500555429N` answers 429 (20429) N times, `+1500555503N` 503 N times, then accepts (per message). */
export function smsRefusals(to: string): Refusals | null {
  const m = /^\+1500555(429|503)(\d)$/.exec(to);
  if (!m) return null;
  return { status: m[1] === "429" ? 429 : 503, times: Number(m[2]) };
}

/** `+1500555300N` (N 1–8) is accepted, then undelivered with ErrorCode 3000N; anything else is delivered. */
export function smsDeliveryError(to: string): number | undefined {
  const m = /^\+1500555300([1-8])$/.exec(to);
  return m ? 30000 + Number(m[1]) : undefined;
}
