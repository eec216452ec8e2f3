// The one-click unsubscribe link in every email: it names the message, not the address
// (a URL lands in access logs), and carries an HMAC so no one can unsubscribe others. The
// unsubscribe route reads the message's property and recipient from the row.
const encoder = new TextEncoder();

async function mac(secret: string, messageId: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const bytes = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`unsubscribe:${messageId}`)));
  return btoa(String.fromCharCode(...bytes.slice(0, 16)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export async function unsubscribeUrl(selfUrl: string, secret: string, messageId: string): Promise<string> {
  return `${new URL(selfUrl).origin}/unsubscribe/${messageId}.${await mac(secret, messageId)}`;
}

/** The message id a link names, if its HMAC is right. */
export async function messageIdOfUnsubscribe(secret: string, token: string): Promise<string | null> {
  const [id, given] = token.split(".");
  if (!id || !given) return null;
  return given === (await mac(secret, id)) ? id : null;
}
