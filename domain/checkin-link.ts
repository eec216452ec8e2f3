// A booking's check-in link, /checkin/<token>. The token is an HMAC of the reservation
// id under the server's secret, so staff can show the same link again at any time while
// the database holds only its SHA-256: a copy of the database opens no booking.
const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export async function checkinLinkToken(secret: string, reservationId: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return base64url(await crypto.subtle.sign("HMAC", key, encoder.encode(`checkin-link:${reservationId}`)));
}

export async function checkinLinkHash(token: string): Promise<string> {
  return base64url(await crypto.subtle.digest("SHA-256", encoder.encode(token)));
}

/** What a property pastes into a booking platform's messages or an email. */
export function checkinLinkMessage(propertyName: string, url: string): string {
  return (
    `Hello, and thank you for booking ${propertyName}. You can check in online before you arrive: ` +
    `${url} — it takes about two minutes, and your door code will be ready when you get here.`
  );
}
