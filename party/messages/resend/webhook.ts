// A verified Resend webhook event as a DeliveryReport, in words for the desk. Resend's
// bounce types are Amazon SES's (Permanent / Transient with a subType); the bounce's own
// `message` quotes the remote server and often the address, so it is never kept.
import type { DeliveryReport } from "../channel";
import type { ResendWebhookEvent } from "./wire";

const BOUNCE_WORDS: Record<string, string> = {
  General: "Mailbox does not exist (bounce)",
  NoEmail: "Mailbox does not exist (bounce)",
  Suppressed: "Address on Resend's suppression list after earlier bounces (bounce)",
  OnAccountSuppressionList: "Address on the account's suppression list (bounce)",
  MailboxFull: "Mailbox full (bounce)",
  MessageTooLarge: "Message too large for the mailbox (bounce)",
  ContentRejected: "The receiving server refused the content (bounce)",
  AttachmentRejected: "The receiving server refused an attachment (bounce)",
};

export function bounceWords(bounce: ResendWebhookEvent["data"]["bounce"]): string {
  const words = (bounce?.subType && BOUNCE_WORDS[bounce.subType]) || "The receiving server refused the email (bounce)";
  return bounce?.type === "Transient" ? words.replace("(bounce)", "(temporary bounce, not retried)") : words;
}

/** Null for events that change nothing Frontdoor shows (sent, delivery delayed, opens …). */
export function resendDeliveryReport(event: ResendWebhookEvent): DeliveryReport | null {
  const at = Date.parse(event.created_at);
  if (Number.isNaN(at)) return null;
  const base = { provider: "resend", providerMessageId: event.data.email_id, at };
  switch (event.type) {
    case "email.delivered":
      return { ...base, status: "delivered" };
    case "email.bounced":
      return { ...base, status: "bounced", detail: bounceWords(event.data.bounce) };
    case "email.complained":
      return { ...base, status: "complained", detail: "Delivered; the recipient marked it as spam (complaint)" };
    default:
      return null;
  }
}
