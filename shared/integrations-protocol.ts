// Wire schemas of the desk's Integrations page: API keys and webhook endpoints (managers only).
import { z } from "zod/mini";

export const deskApiKey = z.object({
  id: z.string(),
  name: z.string(),
  /** `fd_live_` and six characters: enough to recognise a key, useless on its own. */
  prefix: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.nullable(z.number()),
  revokedAt: z.nullable(z.number()),
});
export type DeskApiKey = z.infer<typeof deskApiKey>;

export const deskWebhookEndpoint = z.object({ id: z.string(), url: z.string(), createdAt: z.number() });
export type DeskWebhookEndpoint = z.infer<typeof deskWebhookEndpoint>;

export const deskWebhookDelivery = z.object({
  id: z.string(),
  url: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number(),
  lastAttemptAt: z.nullable(z.number()),
  lastStatusCode: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  nextAttemptAt: z.nullable(z.number()),
  createdAt: z.number(),
});
export type DeskWebhookDelivery = z.infer<typeof deskWebhookDelivery>;

export const deskIntegrations = z.object({
  apiKeys: z.array(deskApiKey),
  endpoints: z.array(deskWebhookEndpoint),
  /** The latest deliveries, newest first. */
  deliveries: z.array(deskWebhookDelivery),
});
export type DeskIntegrations = z.infer<typeof deskIntegrations>;

export const deskCreateApiKeyRequest = z.object({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, "Enter a name for the key, like the system that will use it"), z.maxLength(60)),
});

/** The one time the whole key is shown. */
export const deskCreatedApiKey = z.object({ apiKey: deskApiKey, key: z.string() });
export type DeskCreatedApiKey = z.infer<typeof deskCreatedApiKey>;

export const deskCreateWebhookRequest = z.object({
  url: z.string().check(z.trim(), z.minLength(1, "Enter the endpoint's URL"), z.maxLength(2048)),
});

/** The one time the signing secret is shown. */
export const deskCreatedWebhook = z.object({ endpoint: deskWebhookEndpoint, secret: z.string() });
export type DeskCreatedWebhook = z.infer<typeof deskCreatedWebhook>;

export const MAX_LIVE_API_KEYS = 20;
export const MAX_WEBHOOK_ENDPOINTS = 10;
export const DELIVERY_LOG_SIZE = 50;
