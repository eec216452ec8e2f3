// One key per message that may be sent: booking × kind × channel, plus a version for a
// kind that may go again (a changed door code, a resend from the desk). The row is
// inserted under this key before the send, so a rerun finds it instead of sending twice.
import type { Channel, MessageKind } from "./kinds";

const encoder = new TextEncoder();

export function idempotencyKey(reservationId: string, kind: MessageKind, channel: Channel, version?: string): string {
  return [reservationId, kind, channel, ...(version ? [version] : [])].join(":");
}

/**
 * A short tag that changes when the door code or its window does. Keyed with a server
 * secret: a plain hash of a 4–8 digit code could be reversed by trying every code, and
 * the key is stored and handed to the provider.
 */
export async function codeVersion(secret: string, code: string, startsAt: number, endsAt: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, encoder.encode(`door-code:${code}:${startsAt}:${endsAt}`)),
  );
  return `c${[...mac.slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
