// Twilio's Messages API as the simulator answers it: POST/GET
// /2010-04-01/Accounts/{AccountSid}/Messages.json and GET Messages/{Sid}.json with HTTP
// basic auth, form bodies, Twilio's `{ code, message, more_info, status }` errors and
// signed status callbacks (sent, then delivered or undelivered). Numbers that replied STOP
// are refused with 21610 until they reply START, as Twilio's default opt-out handling does.
import { json } from "../http-json";
import { inboundIntent } from "../messages/twilio/inbound";
import type { FormFields } from "../messages/twilio/signature";
import { basicAuth, messagesPath, rfc2822, TWILIO_MAX_BODY_CHARS } from "../messages/twilio/wire";
import { boundedText, refuseAgain, type SimContext, type SimWebhook } from "./context";
import { smsDeliveryError, smsRefusals, smsRefusedCode } from "./triggers";

export interface SimSms {
  sid: string;
  account_sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  messaging_service_sid: string | null;
  status_callback: string | null;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  error_code: number | null;
  /** For ordering; not a Twilio field. */
  created_ms: number;
}

const ERROR_MESSAGES: Record<number, string> = {
  20003: "Authenticate",
  20404: "The requested resource was not found",
  20429: "Too Many Requests",
  20503: "Service Unavailable",
  21211: "The 'To' number is not a valid phone number.",
  21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number.",
  21602: "Message body is required.",
  21603: "A 'From' or 'MessagingServiceSid' parameter is required to send a message.",
  21604: "A 'To' phone number is required.",
  21610: "Attempt to send to unsubscribed recipient",
  21612: "The 'To' phone number is not currently reachable via SMS.",
  21614: "'To' number is not a valid mobile number",
  21617: "The concatenated message body exceeds the 1600 character limit.",
};

function twilioError(status: number, code: number, headers: Record<string, string> = {}): Response {
  return json(
    { code, message: ERROR_MESSAGES[code] ?? "Error", more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    status,
    headers,
  );
}

const randomHex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
const E164 = /^\+[1-9]\d{6,14}$/;
const PAGE_SIZE_MAX = 1000;

function publicMessage(m: SimSms) {
  const { created_ms: _, status_callback: __, ...rest } = m;
  return {
    ...rest,
    direction: "outbound-api",
    api_version: "2010-04-01",
    num_segments: String(Math.max(1, Math.ceil(m.body.length / 153))),
    error_message: null,
    uri: `${messagesPath(m.account_sid).replace(/\.json$/, "")}/${m.sid}.json`,
  };
}

export async function handleTwilio(ctx: SimContext, req: Request, route: string[]): Promise<Response> {
  if (route[0] === "_simulator") return simulatorRoute(ctx, req, route.slice(1));
  const sid = ctx.credentials.twilioAccountSid;
  if (req.headers.get("authorization") !== basicAuth(sid, ctx.credentials.twilioAuthToken)) {
    return twilioError(401, 20003);
  }
  const [version, accounts, account, resource, one] = route;
  if (version !== "2010-04-01" || accounts !== "Accounts" || account !== sid) return twilioError(404, 20404);
  if (resource === "Messages.json" && one === undefined) {
    if (req.method === "POST") return send(ctx, req);
    if (req.method === "GET") return list(ctx, new URL(req.url));
  }
  if (resource === "Messages" && one?.endsWith(".json") && req.method === "GET") {
    const message = await ctx.storage.get<SimSms>(`sms:${one.slice(0, -".json".length)}`);
    return message ? json(publicMessage(message)) : twilioError(404, 20404);
  }
  return twilioError(404, 20404);
}

async function send(ctx: SimContext, req: Request): Promise<Response> {
  const text = await boundedText(req, 64 * 1024);
  if (text === null) return twilioError(400, 21617);
  const form = new URLSearchParams(text);
  const to = form.get("To")?.trim();
  const body = form.get("Body") ?? "";
  const from = form.get("From") ?? null;
  const service = form.get("MessagingServiceSid") ?? null;
  if (!to) return twilioError(400, 21604);
  if (!from && !service) return twilioError(400, 21603);
  if (body.trim() === "") return twilioError(400, 21602);
  if (body.length > TWILIO_MAX_BODY_CHARS) return twilioError(400, 21617);
  if (!E164.test(to)) return twilioError(400, 21211);
  const refused = smsRefusedCode(to);
  if (refused !== undefined) return twilioError(400, refused);
  if (await ctx.storage.get<boolean>(`stopped:${to}`)) return twilioError(400, 21610);
  const refusals = smsRefusals(to);
  if (refusals && (await refuseAgain(ctx.storage, `sms:${to}:${body}`, refusals.times))) {
    return refusals.status === 429 ? twilioError(429, 20429, { "retry-after": "1" }) : twilioError(503, 20503);
  }
  if (ctx.failsAtRandom()) return twilioError(503, 20503);

  const now = Date.now();
  const message: SimSms = {
    sid: `SM${randomHex(16)}`,
    account_sid: ctx.credentials.twilioAccountSid,
    to,
    // A Messaging Service picks a number from its pool; the simulator's pool is Twilio's test sender.
    from: from ?? "+15005550006",
    body,
    status: service ? "accepted" : "queued",
    messaging_service_sid: service,
    status_callback: form.get("StatusCallback"),
    date_created: rfc2822(now),
    date_sent: null,
    date_updated: rfc2822(now),
    error_code: null,
    created_ms: now,
  };
  await ctx.storage.put(`sms:${message.sid}`, message);
  await ctx.enqueue(statusCallbacks(ctx, message, now));
  return json(publicMessage(message), 201);
}

function statusCallbacks(ctx: SimContext, m: SimSms, now: number): { hook: SimWebhook; at: number }[] {
  const errorCode = smsDeliveryError(m.to);
  const steps: { status: string; errorCode?: number }[] = [
    { status: "sent" },
    errorCode === undefined ? { status: "delivered" } : { status: "undelivered", errorCode },
  ];
  let at = now;
  return steps.map((step) => {
    at += ctx.webhookDelay();
    const fields: FormFields = [
      ["AccountSid", m.account_sid],
      ["ApiVersion", "2010-04-01"],
      ["From", m.from],
      ["MessageSid", m.sid],
      ["MessageStatus", step.status],
      ["SmsSid", m.sid],
      ["SmsStatus", step.status],
      ["To", m.to],
      ...(m.messaging_service_sid ? ([["MessagingServiceSid", m.messaging_service_sid]] as FormFields) : []),
      ...(step.errorCode !== undefined ? ([["ErrorCode", String(step.errorCode)]] as FormFields) : []),
    ];
    const update = {
      sid: m.sid,
      status: step.status,
      ...(step.errorCode !== undefined ? { errorCode: step.errorCode } : {}),
    };
    // Without a StatusCallback Twilio still moves the message on; the simulator posts to nowhere.
    const hook: SimWebhook = { kind: "twilio", url: m.status_callback ?? "", fields, messageUpdate: update };
    return { hook, at };
  });
}

export async function updateTwilioMessage(
  ctx: SimContext,
  update: { sid: string; status: string; errorCode?: number },
) {
  const m = await ctx.storage.get<SimSms>(`sms:${update.sid}`);
  if (!m) return;
  const now = rfc2822(Date.now());
  await ctx.storage.put(`sms:${m.sid}`, {
    ...m,
    status: update.status,
    date_sent: m.date_sent ?? (update.status === "sent" ? now : null),
    date_updated: now,
    error_code: update.errorCode ?? m.error_code,
  });
}

async function list(ctx: SimContext, url: URL): Promise<Response> {
  const to = url.searchParams.get("To");
  const pageSize = Math.min(Number(url.searchParams.get("PageSize") ?? "50") || 50, PAGE_SIZE_MAX);
  const page = Math.max(0, Number(url.searchParams.get("Page") ?? "0") || 0);
  const all = [...(await ctx.storage.list<SimSms>({ prefix: "sms:" })).values()]
    .filter((m) => to === null || m.to === to)
    .sort((a, b) => b.created_ms - a.created_ms);
  const slice = all.slice(page * pageSize, (page + 1) * pageSize);
  const path = messagesPath(ctx.credentials.twilioAccountSid);
  const query = (p: number) => {
    const q = new URLSearchParams({ ...(to !== null ? { To: to } : {}), PageSize: String(pageSize), Page: String(p) });
    return `${path}?${q}`;
  };
  return json({
    messages: slice.map(publicMessage),
    page,
    page_size: pageSize,
    first_page_uri: query(0),
    next_page_uri: (page + 1) * pageSize < all.length ? query(page + 1) : null,
    previous_page_uri: page > 0 ? query(page - 1) : null,
    uri: query(page),
    start: page * pageSize,
    end: page * pageSize + slice.length - 1,
  });
}

// ------------------------------------------------------------ test hooks (INTERNAL_SECRET)

async function simulatorRoute(ctx: SimContext, req: Request, route: string[]): Promise<Response> {
  if (route[0] === "messages" && req.method === "GET") {
    const all = [...(await ctx.storage.list<SimSms>({ prefix: "sms:" })).values()].sort(
      (a, b) => a.created_ms - b.created_ms,
    );
    return json({ messages: all.map(publicMessage) });
  }
  if (route[0] === "inbound" && req.method === "POST") {
    const data = (await req.json().catch(() => null)) as { From?: unknown; Body?: unknown; To?: unknown } | null;
    if (typeof data?.From !== "string" || typeof data.Body !== "string") {
      return json({ error: "expected { From, Body, To? }" }, 400);
    }
    return inbound(ctx, data.From, data.Body, typeof data.To === "string" ? data.To : "+15005550006");
  }
  return new Response("Not found", { status: 404 });
}

/** A guest's reply reaches Twilio: Twilio applies STOP/START itself, then posts the message on, signed. */
async function inbound(ctx: SimContext, from: string, body: string, to: string): Promise<Response> {
  const intent = inboundIntent(body, null);
  if (intent === "stop") await ctx.storage.put(`stopped:${from}`, true);
  if (intent === "start") await ctx.storage.delete(`stopped:${from}`);
  const fields: FormFields = [
    ["AccountSid", ctx.credentials.twilioAccountSid],
    ["ApiVersion", "2010-04-01"],
    ["Body", body],
    ["From", from],
    ["MessageSid", `SM${randomHex(16)}`],
    ["NumMedia", "0"],
    ["NumSegments", "1"],
    ["SmsStatus", "received"],
    ["To", to],
    ...(intent ? ([["OptOutType", intent.toUpperCase()]] as FormFields) : []),
  ];
  await ctx.enqueue([
    { hook: { kind: "twilio", url: `${ctx.env.SELF_URL}/api/webhooks/twilio/inbound`, fields }, at: Date.now() },
  ]);
  return json({ queued: true, optOutType: intent?.toUpperCase() ?? null });
}
