// Headers every response of the main party carries. Pages are one HTML shell whose
// scripts are files from our own origin, so the policy needs no 'unsafe-inline'. The
// shell's critical CSS is inline (a stylesheet file would be a round trip before the
// first paint), and /checkin/ has one inline script that loads the others after its
// prerendered page has painted: pages allow exactly those elements by their SHA-256. Solid sets dynamic styles through the
// CSSOM, which style-src does not govern. The favicon is a data: URL.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";

/** The policy, with the hashes ('sha256-…') of the inline elements a page may carry. */
export function contentSecurityPolicy(
  inline: { styleHashes?: readonly string[]; scriptHashes?: readonly string[] } = {},
): string {
  const { styleHashes = [], scriptHashes = [] } = inline;
  return [
    "default-src 'none'",
    ["script-src 'self'", ...scriptHashes].join(" "),
    ["style-src 'self'", ...styleHashes].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' covers same-origin ws:/wss: for the live socket.
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-frame-options": "DENY",
  // Stay and session ids travel in page URLs; no other site may see them in a Referer.
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-content-type-options": "nosniff",
  "cross-origin-opener-policy": "same-origin",
};

const CSP = "content-security-policy";

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    // A page that carries inline styles sets the policy naming their hashes (pages.ts).
    if (name === CSP && c.res.headers.has(CSP)) continue;
    c.res.headers.set(name, value);
  }
});
