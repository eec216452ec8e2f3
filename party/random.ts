// Unguessable identifiers. 128 bits for session ids (they only reach a session for a
// few hours), 256 bits for stay tokens (they open a PIN for the whole stay).
function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function randomId(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export const newSessionId = () => randomId(16);
export const newStayToken = () => randomId(32);

export function randomUint32(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
