// Svix delivers the webhooks of Seam and Resend alike: headers `svix-id`, `svix-timestamp` (seconds) and
// `svix-signature` ("v1,<base64 HMAC-SHA256>" entries separated by spaces) over
// `${id}.${timestamp}.${body}`, keyed by the base64 after `whsec_` in the endpoint's
// secret. The simulators sign with `signSvix`; the webhook routes check with `verifySvix`.

/** Svix refuses messages older or newer than this, which bounds how long a captured one can be replayed. */
export const SVIX_TOLERANCE_SECONDS = 5 * 60;

export interface SvixHeaders {
  "svix-id": string;
  "svix-timestamp": string;
  "svix-signature": string;
}

function secretKeyBytes(secret: string): Uint8Array<ArrayBuffer> {
  const base64 = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function hmacBase64(secret: string, content: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", secretKeyBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(content)));
  let s = "";
  for (const b of mac) s += String.fromCharCode(b);
  return btoa(s);
}

export async function signSvix(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Promise<SvixHeaders> {
  const signature = await hmacBase64(secret, `${id}.${timestampSeconds}.${body}`);
  return { "svix-id": id, "svix-timestamp": String(timestampSeconds), "svix-signature": `v1,${signature}` };
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type SvixCheck = { ok: true; id: string } | { ok: false; reason: string };

export async function verifySvix(secret: string, headers: Headers, body: string, nowMs: number): Promise<SvixCheck> {
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const signatures = headers.get("svix-signature");
  if (!id || !timestamp || !signatures) return { ok: false, reason: "missing Svix headers" };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(nowMs / 1000 - seconds) > SVIX_TOLERANCE_SECONDS) {
    return { ok: false, reason: "timestamp outside the tolerance" };
  }
  const expected = await hmacBase64(secret, `${id}.${seconds}.${body}`);
  const matches = signatures
    .split(" ")
    .map((entry) => entry.split(","))
    .some(([version, signature]) => version === "v1" && signature !== undefined && sameText(signature, expected));
  return matches ? { ok: true, id } : { ok: false, reason: "signature does not match" };
}
