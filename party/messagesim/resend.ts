// Resend's email API as the simulator answers it: POST /emails (Bearer key, JSON body,
// `Idempotency-Key`), GET /emails/{id}, Resend's `{ statusCode, name, message }` errors,
// and email.sent / delivered / delivery_delayed / bounced / complained webhooks by Svix.
import { json } from "../http-json";
import { resendSendRequest } from "../messages/resend/wire";
import { sha256Hex } from "../sha256";
import { boundedText, refuseAgain, type SimContext } from "./context";
import { emailFate, emailRefusals } from "./triggers";

export interface SimEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
  idempotency_key: string | null;
  created_at: string;
}

interface StoredKey {
  payloadHash: string;
  id: string;
  at: number;
}

const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
const EMAIL_SHAPE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function resendError(statusCode: number, name: string, message: string, headers: Record<string, string> = {}) {
  return json({ statusCode, name, message }, statusCode, headers);
}

/** `Name <a@b.c>` or `a@b.c`, the forms Resend accepts. */
const bareAddress = (value: string) => /<([^>]+)>\s*$/.exec(value)?.[1] ?? value.trim();

export async function handleResend(ctx: SimContext, req: Request, route: string[]): Promise<Response> {
  if (route[0] === "_simulator" && route[1] === "emails" && req.method === "GET") {
    const emails = [...(await ctx.storage.list<SimEmail>({ prefix: "email:" })).values()];
    return json({ data: emails.sort((a, b) => a.created_at.localeCompare(b.created_at)) });
  }
  const auth = req.headers.get("authorization");
  if (!auth) return resendError(401, "missing_api_key", "Missing API key in the authorization header.");
  if (auth !== `Bearer ${ctx.credentials.resendApiKey}`)
    return resendError(403, "invalid_api_key", "API key is invalid.");

  if (route.length === 2 && route[0] === "emails" && req.method === "GET") {
    const email = await ctx.storage.get<SimEmail>(`email:${route[1]}`);
    if (!email) return resendError(404, "not_found", "Email not found.");
    return json({ object: "email", ...email });
  }
  if (route.length !== 1 || route[0] !== "emails")
    return resendError(404, "not_found", "The requested endpoint does not exist.");
  if (req.method !== "POST")
    return resendError(405, "method_not_allowed", "Method is not allowed for the requested path.");
  return send(ctx, req);
}

async function send(ctx: SimContext, req: Request): Promise<Response> {
  const key = req.headers.get("idempotency-key");
  if (key !== null && (key.length < 1 || key.length > 256)) {
    return resendError(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
  }
  const text = await boundedText(req);
  if (text === null) return resendError(422, "validation_error", "The request body is too large.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return resendError(400, "validation_error", "The request body is not valid JSON.");
  }
  const parsed = resendSendRequest.safeParse(data);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || "body";
    return resendError(422, "validation_error", `Invalid \`${field}\` field.`);
  }
  const body = parsed.data;
  const to = (Array.isArray(body.to) ? body.to : [body.to]).map(bareAddress);
  if (!to.every((a) => EMAIL_SHAPE.test(a)) || !EMAIL_SHAPE.test(bareAddress(body.from))) {
    return resendError(
      422,
      "validation_error",
      "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    );
  }
  if (!body.text && !body.html) return resendError(422, "missing_required_field", "Missing `html` or `text` field.");

  const payloadHash = await sha256Hex(text);
  if (key !== null) {
    const seen = await ctx.storage.get<StoredKey>(`idem:${key}`);
    if (seen && Date.now() - seen.at < IDEMPOTENCY_WINDOW_MS) {
      if (seen.payloadHash !== payloadHash) {
        return resendError(
          409,
          "invalid_idempotent_request",
          "Same idempotency key used with a different request payload.",
        );
      }
      return json({ id: seen.id });
    }
  }

  const refusals = emailRefusals(to[0] ?? "");
  if (refusals && (await refuseAgain(ctx.storage, `email:${key ?? payloadHash}`, refusals.times))) {
    return refusals.status === 429
      ? resendError(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second.", {
          "retry-after": "1",
        })
      : resendError(500, "internal_server_error", "An unexpected error occurred.");
  }
  if (ctx.failsAtRandom()) return resendError(500, "application_error", "An unexpected error occurred.");

  const now = Date.now();
  const email: SimEmail = {
    id: crypto.randomUUID(),
    from: body.from,
    to,
    subject: body.subject,
    ...(body.text !== undefined ? { text: body.text } : {}),
    ...(body.html !== undefined ? { html: body.html } : {}),
    headers: body.headers ?? {},
    idempotency_key: key,
    created_at: new Date(now).toISOString(),
  };
  await ctx.storage.put({
    [`email:${email.id}`]: email,
    ...(key !== null ? { [`idem:${key}`]: { payloadHash, id: email.id, at: now } satisfies StoredKey } : {}),
  });
  await ctx.enqueue(webhooksFor(ctx, email, now));
  return json({ id: email.id });
}

function webhooksFor(ctx: SimContext, email: SimEmail, now: number) {
  const fate = emailFate(email.to[0] ?? "");
  const types: string[] = ["email.sent"];
  if (fate === "bounced") types.push("email.bounced");
  else if (fate === "complained") types.push("email.delivered", "email.complained");
  else if (fate === "delayed") types.push("email.delivery_delayed", "email.delivered");
  else types.push("email.delivered");
  let at = now;
  return types.map((type) => {
    at += ctx.webhookDelay();
    const body = JSON.stringify({
      type,
      created_at: new Date(at).toISOString(),
      data: {
        created_at: email.created_at,
        email_id: email.id,
        from: email.from,
        to: email.to,
        subject: email.subject,
        ...(type === "email.bounced"
          ? {
              bounce: {
                message: "The recipient's email provider rejected the email: the mailbox does not exist.",
                subType: "General",
                type: "Permanent",
              },
            }
          : {}),
      },
    });
    return {
      hook: {
        kind: "svix" as const,
        url: `${ctx.env.SELF_URL}/api/webhooks/resend`,
        id: `msg_${crypto.randomUUID()}`,
        body,
      },
      at,
    };
  });
}
