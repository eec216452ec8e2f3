// Headers every response of the main party carries. Pages are one HTML shell whose
// scripts and styles are files from our own origin (vite emits no inline script), so
// the policy needs no 'unsafe-inline'; Solid sets dynamic styles through the CSSOM,
// which style-src does not govern. The favicon is a data: URL.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // 'self' covers same-origin ws:/wss: for the live socket.
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-frame-options": "DENY",
  // Stay and session ids travel in page URLs; no other site may see them in a Referer.
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-content-type-options": "nosniff",
  "cross-origin-opener-policy": "same-origin",
};

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
});
