// The one interface between Frontdoor's messaging and whoever delivers a message: an
// email API (Resend) or an SMS API (Twilio). The scheduler (party/messages/*) decides
// what to send and when and owns the `message` rows; a channel only hands one message
// over and says how it went, in words the desk can show.

export type ChannelName = "email" | "sms";

export interface OutgoingMessage {
  /** The `message` row's idempotency key: passed to the provider where it takes one. */
  idempotencyKey: string;
  /** Email address, or E.164 phone number. */
  to: string;
  /** Email only. */
  subject?: string;
  text: string;
  /** Email only: simple accessible HTML alongside the plain text. */
  html?: string;
  /** Email only: the one-click unsubscribe URL (List-Unsubscribe and the footer link). */
  unsubscribeUrl?: string;
  /** Where the provider posts delivery reports for this message, when it takes one per message (Twilio). */
  statusCallbackUrl?: string;
}

export type SendOutcome =
  | { ok: true; provider: string; providerMessageId: string }
  | {
      ok: false;
      provider: string;
      /** transient: retry with backoff; permanent: never retry (invalid number, opted out …). */
      kind: "transient" | "permanent";
      /** The recipient asked not to be messaged (e.g. Twilio 21610): record an opt-out. */
      optedOut?: boolean;
      /** Plain words for the desk, without the recipient or the body. */
      reason: string;
      /** The provider's own wait, when it gave one (429 Retry-After). */
      retryAfterMs?: number;
    };

export interface MessageChannel {
  readonly channel: ChannelName;
  /** Provider name stored with the message ("resend", "twilio"). */
  readonly provider: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /**
   * After a crash between "sending" and "sent": has this message already been handed
   * over? Returns the provider's id if it finds one, null if it is sure there is none,
   * undefined if it cannot tell (then a provider-side idempotency key must protect the retry).
   */
  findSent?(message: OutgoingMessage, since: number): Promise<string | null | undefined>;
}

/** What a provider's delivery webhook says about one message, after its signature was verified. */
export interface DeliveryReport {
  provider: string;
  providerMessageId: string;
  status: "delivered" | "bounced" | "failed" | "complained";
  /** Plain words (the provider's error code and its meaning), never the recipient. */
  detail?: string;
  /** When the provider says it happened (epoch ms): an older report never overwrites a newer one. */
  at: number;
}
