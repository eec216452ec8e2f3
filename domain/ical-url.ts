// Which calendar URLs Frontdoor will poll. A feed URL is typed by a manager but fetched by
// the server, so it must not reach the server's own network (SSRF): https to a public
// host only. Local development and tests serve feeds over http from 127.0.0.1, which one
// variable (ICAL_ALLOW_LOCAL) allows.

export const ICAL_URL_MAX_LENGTH = 2048;

export interface FeedUrlPolicy {
  allowLocal: boolean;
}

/** The URL as it will be fetched, or the reason it is refused in words a manager can act on. */
export function checkFeedUrl(
  raw: string,
  policy: FeedUrlPolicy,
): { ok: true; url: string } | { ok: false; reason: string } {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, reason: "Enter the calendar's export address" };
  if (text.length > ICAL_URL_MAX_LENGTH) return { ok: false, reason: "That address is too long" };
  let url: URL;
  try {
    // Some platforms hand out webcal:// links; they mean https.
    url = new URL(text.replace(/^webcals?:\/\//i, "https://"));
  } catch {
    return { ok: false, reason: "Enter a full address starting with https://" };
  }
  if (url.protocol !== "https:" && !(policy.allowLocal && url.protocol === "http:")) {
    return { ok: false, reason: "The address must start with https://" };
  }
  if (url.username || url.password)
    return { ok: false, reason: "The address must not contain a user name or password" };
  if (!policy.allowLocal && isPrivateHost(url.hostname)) {
    return { ok: false, reason: "That address points into a private network" };
  }
  url.hash = "";
  return { ok: true, url: url.toString() };
}

/** Hosts a server must never be sent to by a URL someone typed: loopback, private, link-local. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
    return true;
  }
  if (!host.includes(".") && !host.includes(":")) return true;
  const v4 = ipv4(host);
  if (v4) return privateV4(v4);
  if (host.includes(":")) return privateV6(host);
  return false;
}

function ipv4(host: string): number[] | null {
  // new URL() already turns 0x7f.1, 2130706433 and friends into dotted quads.
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function privateV4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a! >= 224
  );
}

function privateV6(host: string): boolean {
  if (host === "::" || host === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (mapped) return privateV4(ipv4(mapped[1]!) ?? [0]);
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(host)) return true;
  const first = Number.parseInt(host.split(":")[0] || "0", 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}
