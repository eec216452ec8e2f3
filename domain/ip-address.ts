// Client addresses become rate-limit keys, so only a real address may become one:
// anything else a header carries would let a client pick its own bucket (or a key of
// any size).

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** The longest textual IPv6 address (with an embedded IPv4 tail) is 45 characters. */
const MAX_IP_TEXT = 45;

/** The canonical text of an IPv4 or IPv6 address, or null for anything else. */
export function canonicalIp(text: string | null | undefined): string | null {
  const value = text?.trim();
  if (!value || value.length > MAX_IP_TEXT) return null;
  if (IPV4.test(value)) return value;
  if (!value.includes(":") || !/^[0-9A-Fa-f:.]+$/.test(value)) return null;
  try {
    // The URL parser implements RFC 5952 canonical form: one spelling per address.
    const host = new URL(`http://[${value}]/`).hostname;
    return host.slice(1, -1);
  } catch {
    return null;
  }
}

/**
 * The address a trusted proxy put in its header. A list (X-Forwarded-For) is read from
 * the right: the last entry is the one the proxy itself saw; earlier ones are the
 * client's word.
 */
export function addressFromProxyHeader(value: string | null | undefined): string | null {
  if (!value || value.length > 1024) return null;
  const entries = value.split(",");
  return canonicalIp(entries[entries.length - 1]);
}
