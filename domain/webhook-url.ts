// Which webhook URLs a manager may register. Frontdoor's server makes the request, so a
// URL must not turn it into a way to reach the deployment's own network (SSRF): HTTPS only,
// and no loopback, private, link-local or otherwise internal address, unless a development
// setting allows them (tests run receivers on http://127.0.0.1).
import { canonicalIp } from "./ip-address";

export const MAX_WEBHOOK_URL_LENGTH = 2048;

const INTERNAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/i;

function privateIpv4(ip: string): boolean {
  const [a, b] = ip.split(".").map(Number) as [number, number];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function privateIpv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return privateIpv4(mapped[1]!);
  return (
    lower === "::" ||
    lower === "::1" ||
    lower.startsWith("fc") ||
    lower.startsWith("fd") ||
    /^fe[89ab]/.test(lower) ||
    lower.startsWith("ff") ||
    lower.startsWith("::ffff:")
  );
}

/** Why `raw` cannot be a webhook endpoint, in words a manager can act on; null when it can. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return `Enter a URL of at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://example.com/frontdoor-webhooks";
  }
  if (url.username || url.password) return "Leave the user name and password out of the URL";
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    return "The URL must start with https://";
  }
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const ip = canonicalIp(host);
  if (ip ? (ip.includes(":") ? privateIpv6(ip) : privateIpv4(ip)) : INTERNAL_NAMES.test(host) || !host.includes(".")) {
    return "The URL must point at a public internet address, not a private or local one";
  }
  return null;
}
