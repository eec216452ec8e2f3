// Twilio's Programmable Messaging wire format (2010-04-01 API): the Message resource as
// Frontdoor reads it, the error body, the list page, and the form encoding Twilio uses
// both ways (requests to it and its webhooks). Shared by the adapter, the webhook routes
// and the simulator.
import { z } from "zod";

/** Twilio's own cap on a message body (characters); longer bodies answer 21617. */
export const TWILIO_MAX_BODY_CHARS = 1600;
/** Status callbacks and inbound messages are a few hundred bytes of form fields. */
export const TWILIO_WEBHOOK_MAX_BYTES = 16 * 1024;

export const messagesPath = (accountSid: string) => `/2010-04-01/Accounts/${accountSid}/Messages.json`;

export const twilioMessage = z.object({
  sid: z.string().min(1).max(64),
  to: z.string().max(64).nullable().optional(),
  from: z.string().max(64).nullable().optional(),
  body: z
    .string()
    .max(TWILIO_MAX_BODY_CHARS * 4)
    .nullable()
    .optional(),
  status: z.string().max(32).optional(),
  date_created: z.string().max(64).nullable().optional(),
  date_sent: z.string().max(64).nullable().optional(),
  error_code: z.number().int().nullable().optional(),
});
export type TwilioMessage = z.infer<typeof twilioMessage>;

export const twilioMessagePage = z.object({
  messages: z.array(twilioMessage).max(1000),
  next_page_uri: z.string().max(2000).nullable().optional(),
});

/** Every error Twilio answers: `{ code, message, more_info, status }`. */
export const twilioError = z.object({
  code: z.number().int().nullable().optional(),
  message: z.string().max(2000).optional(),
  more_info: z.string().max(500).optional(),
  status: z.number().int().optional(),
});

export function formBody(fields: Record<string, string | undefined>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  return form;
}

export const basicAuth = (accountSid: string, authToken: string) => `Basic ${btoa(`${accountSid}:${authToken}`)}`;

/** Twilio's RFC 2822 dates (`Thu, 30 Jul 2015 20:12:31 +0000`). */
export const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace("GMT", "+0000");
