// Which webhook bodies are redacted on the guest's schedule, and what is left of them.
import { describe, expect, it } from "vitest";
import { webhookEventBody } from "../../domain/webhook-event";
import {
  mayRedactDelivery,
  redactWebhookPayload,
  UNREADABLE_PAYLOAD,
  WEBHOOK_PERSONAL_FIELDS,
} from "../../domain/webhook-retention";

const reservation = {
  bookingRef: "FD1001",
  status: "checked_in",
  roomId: "room-101",
  roomName: "101",
  checkInDate: "2027-03-01",
  checkOutDate: "2027-03-03",
  earlyCheckInTime: null,
  lateCheckoutTime: null,
  expectedGuestName: "Ada Lovelace",
  expectedGuestEmail: "ada@example.com",
  expectedGuestPhone: "+447700900123",
  checkedIn: true,
  source: "desk",
};

describe("webhook payload retention", () => {
  it("redacts settled deliveries only: a pending one keeps its exact bytes until it settles", () => {
    expect(mayRedactDelivery("delivered")).toBe(true);
    expect(mayRedactDelivery("failed")).toBe(true);
    expect(mayRedactDelivery("pending")).toBe(false);
  });

  it("blanks the expected guest and keeps the event and the booking's facts", () => {
    const body = webhookEventBody("evt_1", "checkin.completed", 1_800_000_000_000, { reservation });
    const redacted = JSON.parse(redactWebhookPayload(body));
    expect(redacted).toEqual({
      id: "evt_1",
      type: "checkin.completed",
      created: 1_800_000_000,
      data: {
        reservation: { ...reservation, expectedGuestName: null, expectedGuestEmail: null, expectedGuestPhone: null },
      },
    });
    for (const field of WEBHOOK_PERSONAL_FIELDS) expect(body).toContain(String(reservation[field]));
    expect(JSON.stringify(redacted)).not.toMatch(/Ada|ada@|900123/);
    // Redacting again changes nothing.
    expect(redactWebhookPayload(redactWebhookPayload(body))).toBe(redactWebhookPayload(body));
  });

  it("keeps nothing of a body that is not the event shape", () => {
    expect(redactWebhookPayload("not json {")).toBe(UNREADABLE_PAYLOAD);
    expect(redactWebhookPayload('{"data":{"reservation":["Ada"]}}')).toBe(UNREADABLE_PAYLOAD);
    expect(redactWebhookPayload("null")).toBe(UNREADABLE_PAYLOAD);
  });
});
