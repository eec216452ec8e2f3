// Wire schemas for the desk's Outbox page, the Messages settings and the resend and
// test-send buttons. Shared by the Hono routes and the desk client; zod/mini like the rest.
import { z } from "zod/mini";

export const messageKind = z.enum(["invitation", "reminder", "door-code", "code-confirmed", "test"]);
export const messageStatus = z.enum(["scheduled", "sending", "sent", "delivered", "failed", "bounced", "suppressed"]);

export const outboxMessage = z.object({
  id: z.string(),
  bookingRef: z.nullable(z.string()),
  kind: messageKind,
  channel: z.enum(["email", "sms"]),
  language: z.string(),
  /** Null once the guest's data was purged: the desk shows "(removed)". */
  recipient: z.nullable(z.string()),
  subject: z.nullable(z.string()),
  bodyText: z.nullable(z.string()),
  bodyHtml: z.nullable(z.string()),
  status: messageStatus,
  statusDetail: z.nullable(z.string()),
  attempts: z.number(),
  sendAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const OUTBOX_PAGE_SIZE = 25;
export const outboxQuery = z.object({
  after: z.optional(z.string().check(z.regex(/^\d{1,15}~[A-Za-z0-9_-]{1,64}$/, "Not a cursor"))),
});
export const outboxResponse = z.object({
  messages: z.array(outboxMessage),
  nextCursor: z.nullable(z.string()),
});
export type OutboxResponse = z.infer<typeof outboxResponse>;

export const messageSettingsBody = z.object({
  invitation: z.boolean(),
  reminder: z.boolean(),
  doorCode: z.boolean(),
  codeConfirmed: z.boolean(),
  codesInMessages: z.boolean(),
});
export type MessageSettingsBody = z.infer<typeof messageSettingsBody>;

export const messagePreview = z.object({
  kind: messageKind,
  subject: z.string(),
  emailText: z.string(),
  sms: z.string(),
  smsSegments: z.number(),
});
export const messageSettingsResponse = z.object({
  settings: messageSettingsBody,
  /** English previews with sample data: what a guest reads, code included only if allowed. */
  previews: z.array(messagePreview),
});
export type MessageSettingsResponse = z.infer<typeof messageSettingsResponse>;

export const resendRequest = z.object({ kind: z.enum(["invitation", "door-code"]) });
export const resendResponse = z.object({ queued: z.number() });
export type ResendResponse = z.infer<typeof resendResponse>;

// A property's own wording per kind and language (domain/messages/wording.ts checks it;
// these caps only bound what the server reads, well above the domain's own limits).
export const wordingBody = z.object({
  subject: z.string().check(z.maxLength(1000)),
  body: z.string().check(z.maxLength(8000)),
  sms: z.string().check(z.maxLength(2000)),
});
export type WordingBody = z.infer<typeof wordingBody>;

export const wordingPreview = z.object({
  subject: z.string(),
  emailText: z.string(),
  emailHtml: z.string(),
  sms: z.string(),
  smsSegments: z.number(),
  smsEncoding: z.enum(["gsm-7", "ucs-2"]),
});
export type WordingPreview = z.infer<typeof wordingPreview>;

const wordingProblemsSchema = z.record(z.string(), z.string());

export const wordingResponse = z.object({
  kind: z.enum(["invitation", "reminder", "door-code", "code-confirmed"]),
  language: z.string(),
  /** False: the built-in words, shown as a template to start from. */
  custom: z.boolean(),
  wording: wordingBody,
  placeholders: z.array(z.string()),
  preview: wordingPreview,
});
export type WordingResponse = z.infer<typeof wordingResponse>;

/** A draft's preview as the sender would render it, or why it cannot be sent (field → sentence). */
export const wordingPreviewResponse = z.object({
  preview: z.nullable(wordingPreview),
  problems: wordingProblemsSchema,
});
export type WordingPreviewResponse = z.infer<typeof wordingPreviewResponse>;

export const wordingTestRequest = z.object({ channel: z.enum(["email", "sms"]) });
export const wordingTestResponse = z.object({ queued: z.number(), to: z.string() });
