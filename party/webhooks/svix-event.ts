// The first steps every Svix-delivered webhook takes (Seam's, Resend's): the signature over
// the exact body, then JSON, then the vendor's event schema. A bad signature is refused so
// nothing unverified is read; an event we do not read is acknowledged, so Svix stops
// resending it.
import type { z } from "zod";
import { apiErrorResponse, json } from "../http-json";
import { verifySvix } from "./svix";

export type SvixEvent<T> = { ok: true; event: T } | { ok: false; response: Response };

export async function readSvixEvent<T>(
  request: Request,
  secret: string,
  schema: z.ZodType<T>,
  /** For the log line of a refusal, e.g. "seam-webhook". */
  source: string,
): Promise<SvixEvent<T>> {
  const body = await request.text();
  const check = await verifySvix(secret, request.headers, body, Date.now());
  if (!check.ok) {
    console.warn(`[${source}] refused: ${check.reason}`);
    return { ok: false, response: apiErrorResponse(401, "bad_signature", "Webhook signature not valid") };
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, response: apiErrorResponse(400, "invalid_json", "Body is not JSON") };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, response: json({ ignored: "not an event we read" }) };
  return { ok: true, event: parsed.data };
}
