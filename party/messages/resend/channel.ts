// Email through Resend's REST API (POST /emails), over plain fetch so it runs in workerd.
// The message's idempotency key goes in Resend's `Idempotency-Key` header: a retry after a
// lost answer gets the first send's id back instead of a second email (Resend keeps keys
// for 24 hours), which is why this channel needs no `findSent`.
import type { MessageChannel, OutgoingMessage, SendOutcome } from "../channel";
import type { ResendConnection } from "../connections";
import { resendFailure, resendUnreachable } from "./errors";
import { resendError, resendSendResponse, type ResendSendRequest } from "./wire";

const TIMEOUT_MS = 10_000;

/** RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to the URL at once. */
export function unsubscribeHeaders(url: string | undefined): Record<string, string> {
  if (!url) return {};
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function resendRequest(from: string, message: OutgoingMessage): ResendSendRequest {
  const headers = unsubscribeHeaders(message.unsubscribeUrl);
  return {
    from,
    to: [message.to],
    subject: message.subject ?? "",
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

export function resendChannel(connection: ResendConnection | (() => Promise<ResendConnection>)): MessageChannel {
  const connect = typeof connection === "function" ? connection : async () => connection;
  return {
    channel: "email",
    provider: "resend",
    async send(message: OutgoingMessage): Promise<SendOutcome> {
      const { baseUrl, apiKey, from } = await connect();
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/emails`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${apiKey}`,
            "content-type": "application/json",
            "idempotency-key": message.idempotencyKey,
          },
          body: JSON.stringify(resendRequest(from, message)),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        return resendUnreachable(err);
      }
      const body: unknown = await res.json().catch(() => null);
      if (res.ok) {
        const parsed = resendSendResponse.safeParse(body);
        if (parsed.success) return { ok: true, provider: "resend", providerMessageId: parsed.data.id };
        return { ok: false, provider: "resend", kind: "transient", reason: "Resend answered without an email id" };
      }
      const error = resendError.safeParse(body);
      return resendFailure(res.status, error.success ? error.data.name : undefined, res.headers.get("retry-after"));
    },
  };
}
