// Resend's wire format (https://resend.com/docs/api-reference): the send request and
// answer, the error body, and the webhook events Frontdoor reads. Shared by the adapter,
// the webhook route and the simulator.
import { z } from "zod";

export const RESEND_MAX_BODY_BYTES = 256 * 1024;

export const resendSendRequest = z.object({
  from: z.string().min(3).max(320),
  to: z.union([z.string().max(320), z.array(z.string().max(320)).min(1).max(50)]),
  subject: z.string().min(1).max(998),
  html: z.string().max(RESEND_MAX_BODY_BYTES).optional(),
  text: z.string().max(RESEND_MAX_BODY_BYTES).optional(),
  headers: z.record(z.string(), z.string().max(2000)).optional(),
  reply_to: z.union([z.string(), z.array(z.string())]).optional(),
});
export type ResendSendRequest = z.infer<typeof resendSendRequest>;

export const resendSendResponse = z.object({ id: z.string().min(1).max(200) });

/** Every error Resend answers: `{ statusCode, name, message }`. */
export const resendError = z.object({
  statusCode: z.number().int().optional(),
  name: z.string().max(100),
  message: z.string().max(2000).optional(),
});

export const RESEND_EVENT_TYPES = [
  "email.sent",
  "email.delivered",
  "email.delivery_delayed",
  "email.bounced",
  "email.complained",
] as const;

export const resendWebhookEvent = z.object({
  type: z.string().max(100),
  created_at: z.string().max(64),
  data: z.object({
    email_id: z.string().min(1).max(200),
    created_at: z.string().max(64).optional(),
    bounce: z
      .object({
        type: z.string().max(100).optional(),
        subType: z.string().max(100).optional(),
        message: z.string().max(2000).optional(),
      })
      .optional(),
  }),
});
export type ResendWebhookEvent = z.infer<typeof resendWebhookEvent>;
