// Twilio's status callback (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status)
// as a DeliveryReport. Callbacks carry no event time, so the report takes the time it
// arrived; the message log moves only forward, so a late `sent` after `delivered` is harmless.
import type { DeliveryReport } from "../channel";
import { deliveryErrorWords } from "./errors";

export function twilioDeliveryReport(fields: URLSearchParams, receivedAt: number): DeliveryReport | null {
  const sid = fields.get("MessageSid") ?? fields.get("SmsSid");
  const status = fields.get("MessageStatus") ?? fields.get("SmsStatus");
  if (!sid || sid.length > 64 || !status) return null;
  const code = Number(fields.get("ErrorCode") ?? Number.NaN);
  const errorCode = Number.isInteger(code) && code > 0 ? code : undefined;
  const base = { provider: "twilio", providerMessageId: sid, at: receivedAt };
  switch (status) {
    case "delivered":
      return { ...base, status: "delivered" };
    case "undelivered":
      return { ...base, status: "bounced", detail: deliveryErrorWords(errorCode) };
    case "failed":
      return { ...base, status: "failed", detail: deliveryErrorWords(errorCode) };
    default:
      return null;
  }
}
