// Headers every response of the main party carries. Pages are one HTML shell whose
// scripts are files from our own origin (vite emits no inline script), so the policy
// needs no 'unsafe-inline'. The shell's critical CSS is inline (a stylesheet file would
// be a round trip before the first paint): pages allow exactly those <style> elements
// by their SHA-256, never any inline style. Solid sets dynamic styles through the
// CSSOM, which style-src does not govern. The favicon is a data: URL.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";

/** The policy, with the hashes ('sha256-…') of the inline <style> elements a page may carry. */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
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
