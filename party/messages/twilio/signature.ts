// Twilio signs each webhook with X-Twilio-Signature: base64 HMAC-SHA1, keyed by the
// account's auth token, of the full URL Twilio called followed by every POST field's
// name and value, sorted by name (https://www.twilio.com/docs/usage/security). The
// simulator signs with it; the webhook routes check with it.

export type FormFields = [name: string, value: string][];

export function signedContent(url: string, fields: FormFields): string {
  const sorted = [...fields].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return url + sorted.map(([name, value]) => name + value).join("");
}

export async function twilioSignature(authToken: string, url: string, fields: FormFields): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(authToken),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(signedContent(url, fields))),
  );
  return btoa(String.fromCharCode(...mac));
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function verifyTwilioSignature(
  authToken: string,
  url: string,
  fields: FormFields,
  signature: string | null,
): Promise<boolean> {
  if (!signature) return false;
  return sameText(signature, await twilioSignature(authToken, url, fields));
}
