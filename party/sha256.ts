// Hex SHA-256, for keys that must not reveal what they name (emails in limiter room
// names) and for one-time tokens stored only as their hash.
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
