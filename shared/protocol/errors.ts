// Error codes and the error bodies every audience receives. Codes, not sentences, are
// what clients act on; messages are English for developers and logs.
import { z } from "zod/mini";
import type { RejectionCode, SessionErrorCode } from "../../domain/checkin-types";
import { SESSION_ERROR_CODES } from "../../domain/checkin-types";
import { FIELD_ERROR_CODES } from "../../domain/field-errors";
import { int, type Same } from "./common";

/** Why a websocket message was refused (sent to that one connection; nothing changed). */
export const ERROR_CODES = [
  "invalid_message",
  "too_large",
  "validation",
  "out_of_order",
  "not_found",
  "rate_limited",
  "internal",
] as const;
export const errorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCode>;
true satisfies [RejectionCode] extends [ErrorCode] ? true : false;

export const fieldErrorCode = z.enum(FIELD_ERROR_CODES);

export const sessionErrorCode = z.enum(SESSION_ERROR_CODES);
true satisfies Same<z.infer<typeof sessionErrorCode>, SessionErrorCode>;

/** Every HTTP error body has this shape so clients show one kind of message. */
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    retryAfterSeconds: z.optional(int()),
  }),
});
export type ApiError = z.infer<typeof apiError>;
