// The events Frontdoor sends to a property's webhook endpoints and the body each carries:
// `{ id, type, created, data }`, as integrators know it from Stripe.
export const WEBHOOK_EVENT_TYPES = ["checkin.completed", "checkin.failed", "reservation.changed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEvent<T = unknown> {
  id: string;
  type: WebhookEventType;
  /** Unix seconds. */
  created: number;
  data: T;
}

export function webhookEventBody<T>(id: string, type: WebhookEventType, createdMs: number, data: T): string {
  const event: WebhookEvent<T> = { id, type, created: Math.floor(createdMs / 1000), data };
  return JSON.stringify(event);
}
