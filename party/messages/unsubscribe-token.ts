// Unsubscribe links carry who they unsubscribe, so no table of links is needed: the
// property, channel and address, sealed with AES-GCM under a key derived from
// MESSAGE_SECRET (SESSION_SECRET when unset). GCM's tag makes the token unforgeable, as an
// HMAC would, and the encryption keeps the address out of the URL, where mail scanners,
// proxies and logs would see it. Rotating the secret invalidates every link sent.
import type { RuntimeEnv } from "../env";

export interface UnsubscribeTarget {
  propertyId: string;
  channel: "email" | "sms";
  address: string;
}

const VERSION = 1;
const IV_BYTES = 12;
const MAX_TOKEN_CHARS = 1200;

async function keyFor(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`frontdoor-unsubscribe:${secret}`));
  return crypto.subtle.importKey("raw", material, "AES-GCM", false, ["encrypt", "decrypt"]);
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export const messageSecret = (env: RuntimeEnv) => env.MESSAGE_SECRET ?? env.SESSION_SECRET;

export async function sealUnsubscribe(secret: string, target: UnsubscribeTarget): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify([VERSION, target.propertyId, target.channel, target.address]));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await keyFor(secret), plain));
  const token = new Uint8Array(IV_BYTES + sealed.length);
  token.set(iv);
  token.set(sealed, IV_BYTES);
  return toBase64Url(token);
}

/** Null for anything not sealed under this secret: forged, truncated or from before a rotation. */
export async function openUnsubscribe(secret: string, token: string): Promise<UnsubscribeTarget | null> {
  if (token.length > MAX_TOKEN_CHARS) return null;
  const bytes = fromBase64Url(token);
  if (!bytes || bytes.length <= IV_BYTES + 16) return null;
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.slice(0, IV_BYTES) },
      await keyFor(secret),
      bytes.slice(IV_BYTES),
    );
  } catch {
    return null;
  }
  const value: unknown = JSON.parse(new TextDecoder().decode(plain));
  if (!Array.isArray(value) || value[0] !== VERSION) return null;
  const [, propertyId, channel, address] = value as [number, unknown, unknown, unknown];
  if (typeof propertyId !== "string" || typeof address !== "string") return null;
  if (channel !== "email" && channel !== "sms") return null;
  return { propertyId, channel, address };
}

/** The link each email carries (footer and List-Unsubscribe) for the core to put in. */
export async function unsubscribeUrl(env: RuntimeEnv, propertyId: string, address: string): Promise<string> {
  const token = await sealUnsubscribe(messageSecret(env), { propertyId, channel: "email", address });
  return `${env.SELF_URL}/unsubscribe/${token}`;
}
