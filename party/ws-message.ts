// Turns a raw websocket frame into a validated message, or into the error the sender
// should be told.
import type { z } from "zod/mini";
import { decodeJson, firstIssue } from "../shared/decode";
import type { ErrorCode } from "../shared/protocol/errors";

export type ParsedFrame<T> = { ok: true; message: T } | { ok: false; code: ErrorCode; message: string };

export function parseFrame<T>(raw: string | ArrayBuffer | ArrayBufferView, schema: z.core.$ZodType<T>): ParsedFrame<T> {
  const decoded = decodeJson(raw, schema);
  if (decoded.ok) return { ok: true, message: decoded.value };
  switch (decoded.reason) {
    case "not_text":
      return { ok: false, code: "invalid_message", message: "Messages must be JSON text" };
    case "too_large":
      return { ok: false, code: "too_large", message: `Messages must be at most ${decoded.maxBytes} bytes` };
    case "invalid_json":
      return { ok: false, code: "invalid_message", message: "Message is not valid JSON" };
    case "invalid_shape":
      return { ok: false, code: "invalid_message", message: `Unexpected message: ${firstIssue(decoded.error)}` };
  }
}
