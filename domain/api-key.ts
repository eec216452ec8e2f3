// Keys for the integrators' API. A key is 256 random bits behind a recognisable prefix, so
// a leaked one is easy to spot in a repository or a log and to tell apart from other secrets.
export const API_KEY_PREFIX = "fd_live_";
/** The prefix and 43 base64url characters (32 bytes). */
export const API_KEY_PATTERN = /^fd_live_[A-Za-z0-9_-]{43}$/;
/** Characters of the key the desk shows to tell keys apart: the prefix and six more. */
export const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;
/** last_used_at is a hint for managers, not an audit trail: one write a minute per key is plenty. */
export const LAST_USED_RESOLUTION_MS = 60_000;

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function makeApiKey(random: Uint8Array): string {
  if (random.length !== 32) throw new Error("makeApiKey needs 32 random bytes");
  return API_KEY_PREFIX + base64url(random);
}

export const shownPrefix = (key: string) => key.slice(0, SHOWN_PREFIX_LENGTH);

/** The key in an `Authorization: Bearer …` header, or null when the header is missing or malformed. */
export function bearerKey(header: string | null | undefined): string | null {
  const match = /^Bearer +(\S+)$/i.exec(header?.trim() ?? "");
  const key = match?.[1];
  return key && API_KEY_PATTERN.test(key) ? key : null;
}

export function lastUsedIsStale(lastUsedAt: number | null, now: number): boolean {
  return lastUsedAt === null || now - lastUsedAt >= LAST_USED_RESOLUTION_MS;
}
