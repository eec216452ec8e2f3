// SMS through Twilio's Messages API over plain fetch (form-encoded, HTTP basic auth with
// the account SID and auth token), so it runs in workerd.
//
// Twilio takes no idempotency key, so after a crash between "sending" and "sent" the
// scheduler asks `findSent`: it lists the messages sent to the same number, newest first,
// back to the send's start, and takes one whose body is this message's exact text. The
// bodies Frontdoor sends carry the booking's own link or code, so two different messages
// to one number do not share a text. The list is filtered by `To` only, not `DateSent`:
// a message still queued at Twilio has no date_sent yet and would be missed.
import type { MessageChannel, OutgoingMessage, SendOutcome } from "../channel";
import type { TwilioConnection } from "../connections";
import { twilioFailure, twilioUnreachable } from "./errors";
import { basicAuth, formBody, messagesPath, twilioError, twilioMessage, twilioMessagePage } from "./wire";

const TIMEOUT_MS = 10_000;
const FIND_PAGES = 3;
const FIND_PAGE_SIZE = 50;
/** Twilio's clock and ours may differ a little; a send starts after `since` on ours. */
const CLOCK_SKEW_MS = 60_000;

export function twilioSendFields(connection: TwilioConnection, message: OutgoingMessage): URLSearchParams {
  return formBody({
    To: message.to,
    ...(connection.messagingServiceSid
      ? { MessagingServiceSid: connection.messagingServiceSid }
      : { From: connection.from }),
    Body: message.text,
    StatusCallback: message.statusCallbackUrl,
  });
}

export function twilioChannel(connection: TwilioConnection | (() => Promise<TwilioConnection>)): MessageChannel {
  const connect = typeof connection === "function" ? connection : async () => connection;
  return {
    channel: "sms",
    provider: "twilio",
    async send(message: OutgoingMessage): Promise<SendOutcome> {
      const conn = await connect();
      let res: Response;
      try {
        res = await fetch(`${conn.baseUrl}${messagesPath(conn.accountSid)}`, {
          method: "POST",
          headers: {
            authorization: basicAuth(conn.accountSid, conn.authToken),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: twilioSendFields(conn, message),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        return twilioUnreachable(err);
      }
      const body: unknown = await res.json().catch(() => null);
      if (res.ok) {
        const parsed = twilioMessage.safeParse(body);
        if (parsed.success) return { ok: true, provider: "twilio", providerMessageId: parsed.data.sid };
        // It may have been queued: the scheduler's findSent settles it before any retry.
        return { ok: false, provider: "twilio", kind: "transient", reason: "Twilio answered without a message sid" };
      }
      const error = twilioError.safeParse(body);
      const code = error.success ? (error.data.code ?? undefined) : undefined;
      return twilioFailure(res.status, code, res.headers.get("retry-after"));
    },

    async findSent(message: OutgoingMessage, since: number): Promise<string | null | undefined> {
      const conn = await connect();
      const query = new URLSearchParams({ To: message.to, PageSize: String(FIND_PAGE_SIZE) });
      let url: string | null = `${conn.baseUrl}${messagesPath(conn.accountSid)}?${query}`;
      for (let page = 0; page < FIND_PAGES && url; page++) {
        let data: unknown;
        try {
          const res = await fetch(url, {
            headers: { authorization: basicAuth(conn.accountSid, conn.authToken) },
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
          if (!res.ok) return undefined;
          data = await res.json();
        } catch {
          return undefined;
        }
        const parsed = twilioMessagePage.safeParse(data);
        if (!parsed.success) return undefined;
        let older = false;
        for (const m of parsed.data.messages) {
          const created = Date.parse(m.date_created ?? "");
          if (!Number.isNaN(created) && created < since - CLOCK_SKEW_MS) {
            older = true;
            continue;
          }
          if (m.body === message.text) return m.sid;
        }
        if (older) return null;
        url = parsed.data.next_page_uri ? `${conn.baseUrl}${parsed.data.next_page_uri}` : null;
      }
      // Every page read was newer than the send and none matched: sure only if the list ended.
      return url === null ? null : undefined;
    },
  };
}
