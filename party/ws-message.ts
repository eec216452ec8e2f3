// Turns a raw websocket frame into a validated message, or into the error the sender
// should be told. Size is checked before parsing so a huge frame costs nothing.
import { z } from "zod/mini";
import { MAX_MESSAGE_BYTES } from "../shared/protocol/common";
import type { ErrorCode } from "../shared/protocol/errors";

export type ParsedFrame<T> = { ok: true; message: T } | { ok: false; code: ErrorCode; message: string };

export function parseFrame<T>(raw: string | ArrayBuffer | ArrayBufferView, schema: z.core.$ZodType<T>): ParsedFrame<T> {
  if (typeof raw !== "string") return { ok: false, code: "invalid_message", message: "Messages must be JSON text" };
  if (raw.length > MAX_MESSAGE_BYTES || new TextEncoder().encode(raw).byteLength > MAX_MESSAGE_BYTES) {
    return { ok: false, code: "too_large", message: `Messages must be at most ${MAX_MESSAGE_BYTES} bytes` };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: "invalid_message", message: "Message is not valid JSON" };
  }
  const parsed = z.safeParse(schema, data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, code: "invalid_message", message: `Unexpected message: ${first ? `${first.path.join(".") || "message"} ${first.message}` : "wrong shape"}` };
  }
  return { ok: true, message: parsed.data };
}
