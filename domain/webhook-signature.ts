// Webhook signatures as Stripe makes them: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
// The timestamp inside the signed text lets a receiver refuse a replayed delivery.
const encoder = new TextEncoder();

export const SIGNATURE_HEADER = "Frontdoor-Signature";

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
  return [...mac].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function signatureHeader(secret: string, body: string, nowMs: number): Promise<string> {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${await hmacHex(secret, `${t}.${body}`)}`;
}

/** The receiver's side: true when one v1 signature matches and the timestamp is within `toleranceS`. */
export async function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowMs: number,
  toleranceS = 300,
): Promise<boolean> {
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceS) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  return parts.some(([k, v]) => k === "v1" && v !== undefined && constantTimeEqual(v, expected));
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
