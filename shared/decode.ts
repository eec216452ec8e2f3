// The one way JSON that crossed a boundary is read, on either side: size cap first (a
// huge frame costs nothing), then JSON.parse, then the schema. Callers turn a failure
// into whatever their audience is told: a socket error, an HTTP status, a warning.
import { z } from "zod/mini";
import { MAX_MESSAGE_BYTES } from "./protocol/common";

export type DecodeFailure =
  | { reason: "not_text" }
  | { reason: "too_large"; maxBytes: number }
  | { reason: "invalid_json" }
  | { reason: "invalid_shape"; error: z.core.$ZodError };

export type Decoded<T> = { ok: true; value: T } | ({ ok: false } & DecodeFailure);

export function decodeJson<T>(raw: unknown, schema: z.core.$ZodType<T>, maxBytes = MAX_MESSAGE_BYTES): Decoded<T> {
  if (typeof raw !== "string") return { ok: false, reason: "not_text" };
  // UTF-8 never takes fewer bytes than UTF-16 code units, so only a short text needs encoding.
  if (raw.length > maxBytes || new TextEncoder().encode(raw).byteLength > maxBytes) {
    return { ok: false, reason: "too_large", maxBytes };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "invalid_json" };
  }
  const parsed = z.safeParse(schema, data);
  if (!parsed.success) return { ok: false, reason: "invalid_shape", error: parsed.error };
  return { ok: true, value: parsed.data };
}

/** The first issue as "path message", for a developer-facing error line. */
export function firstIssue(error: z.core.$ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join(".") || "message"} ${first.message}` : "wrong shape";
}
