// Outgoing webhook bodies carry the booking's expected guest (name, email, phone) in the
// API's reservation shape. They are kept for the desk's delivery log, so they are redacted
// on the guest's own schedule: once the booking is anonymised, each of its deliveries that
// has settled (delivered, or given up) keeps its event but loses those fields. A delivery
// still retrying keeps its exact bytes until it settles, as receivers may de-duplicate on them.

/** The fields of `data.reservation` that name or reach a person. */
export const WEBHOOK_PERSONAL_FIELDS = ["expectedGuestName", "expectedGuestEmail", "expectedGuestPhone"] as const;

export type DeliveryStatus = "pending" | "delivered" | "failed";
export const REDACTABLE_DELIVERY_STATUSES = ["delivered", "failed"] as const satisfies readonly DeliveryStatus[];

export function mayRedactDelivery(status: DeliveryStatus): boolean {
  return (REDACTABLE_DELIVERY_STATUSES as readonly DeliveryStatus[]).includes(status);
}

/** What stands in for a body that is not the event shape we wrote: nothing of it is kept. */
export const UNREADABLE_PAYLOAD = '{"redacted":true}';

/** The body with the personal fields set to null (as an anonymised booking would now be sent). */
export function redactWebhookPayload(payload: string): string {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch {
    return UNREADABLE_PAYLOAD;
  }
  const reservation = (event as { data?: { reservation?: unknown } } | null)?.data?.reservation;
  if (!reservation || typeof reservation !== "object" || Array.isArray(reservation)) return UNREADABLE_PAYLOAD;
  for (const field of WEBHOOK_PERSONAL_FIELDS) (reservation as Record<string, unknown>)[field] = null;
  return JSON.stringify(event);
}
