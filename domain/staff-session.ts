// Staff session tokens: `staffId.role.propertyId.expiresAt.signature`, where the
// signature is HMAC-SHA-256 (key SESSION_SECRET) over everything before it. The token
// is the whole cookie value; nothing is stored server-side, so the expiry inside the
// signed text is what ends a session. Pure: callers pass the secret and the clock.

export const STAFF_COOKIE = "fd_staff";
export const STAFF_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const STAFF_ROLES = ["staff", "manager"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffClaims {
  staffId: string;
  role: StaffRole;
  /** null: a manager not tied to one property. */
  propertyId: string | null;
}

export interface StaffSession extends StaffClaims {
  expiresAt: number;
}

/** Ids and property ids are joined with "." in the signed text, so they may not contain one. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

function signedText(s: StaffSession): string {
  return `${s.staffId}.${s.role}.${s.propertyId ?? ""}.${s.expiresAt}`;
}

export async function signStaffSession(
  claims: StaffClaims,
  secret: string,
  now: number,
  ttlMs: number = STAFF_SESSION_TTL_MS,
): Promise<{ token: string; expiresAt: number }> {
  if (!ID.test(claims.staffId)) throw new Error(`staffId must match ${ID}`);
  if (claims.propertyId !== null && !ID.test(claims.propertyId)) throw new Error(`propertyId must match ${ID}`);
  const session: StaffSession = { ...claims, expiresAt: now + ttlMs };
  const text = signedText(session);
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), encoder.encode(text));
  return { token: `${text}.${toBase64Url(new Uint8Array(sig))}`, expiresAt: session.expiresAt };
}

/** null for anything but an intact, unexpired token signed with `secret`. */
export async function verifyStaffSession(
  token: string | undefined | null,
  secret: string,
  now: number,
): Promise<StaffSession | null> {
  if (!token || token.length > 512) return null;
  const parts = token.split(".");
  if (parts.length !== 5) return null;
  const [staffId, role, propertyId, expires, sigText] = parts as [string, string, string, string, string];
  if (!ID.test(staffId)) return null;
  if (role !== "staff" && role !== "manager") return null;
  if (propertyId !== "" && !ID.test(propertyId)) return null;
  if (!/^\d{1,16}$/.test(expires)) return null;
  const sig = fromBase64Url(sigText);
  if (sig?.length !== 32) return null;
  const session: StaffSession = {
    staffId,
    role,
    propertyId: propertyId === "" ? null : propertyId,
    expiresAt: Number(expires),
  };
  // subtle.verify compares in constant time; a hand-rolled === on strings would not.
  const ok = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret, "verify"),
    sig as BufferSource,
    encoder.encode(signedText(session)),
  );
  if (!ok) return null;
  if (session.expiresAt <= now) return null;
  return session;
}

/** The value of one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether `session` may watch or act on `propertyId`: its own property, or any for an unattached manager. */
export function canAccessProperty(session: StaffClaims, propertyId: string): boolean {
  if (session.propertyId === null) return session.role === "manager";
  return session.propertyId === propertyId;
}
