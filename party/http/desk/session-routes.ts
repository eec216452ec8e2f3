// Sign-in, sign-out and "who am I" for the desk.
import { Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { findStaffByEmail, sessionDetail } from "../../../db/queries/staff";
import { DECOY_PASSWORD_HASH, verifyPassword } from "../../../domain/password";
import { signStaffSession } from "../../../domain/staff-session";
import { deskLoginRequest, type DeskMe } from "../../../shared/protocol/desk-http";
import { apiErrorResponse, rateLimitedResponse, readJsonBody } from "../../http-json";
import { sha256Hex } from "../../sha256";
import type { AppEnv } from "../app-env";
import { clientIp, loginBackoff, takeRateLimit } from "../rate-limit";
import { noProperty, type DeskEnv } from "./context";
import { clearStaffCookie, setStaffCookie } from "./cookie";
import { closeStaffSockets } from "./end-sessions";
import type { StaffPrincipal } from "./principal";

/** Spraying many accounts (or one) from one address. */
export const LOGIN_LIMIT_PER_IP = { limit: 50, windowMs: 15 * 60_000 };

export function toMe(staff: StaffPrincipal): DeskMe | null {
  if (!staff.property) return null;
  return {
    staffId: staff.staffId,
    email: staff.email,
    displayName: staff.displayName,
    role: staff.role,
    propertyId: staff.property.id,
    propertyName: staff.property.name,
    timeZone: staff.property.timeZone,
    expiresAt: staff.expiresAt,
  };
}

export const loginRoutes = new Hono<AppEnv>();

loginRoutes.post("/login", async (c) => {
  const env = c.get("env");
  const db = c.get("db");
  const body = await readJsonBody(c.req.raw, deskLoginRequest);
  if (!body.ok) return body.response;
  const { email, password } = body.value;

  // Limiter rooms are keyed by a hash: room ids show up in logs, emails should not. The
  // account's backoff ignores the address, so rotating addresses buys an attacker nothing.
  const ip = clientIp(c.req.raw, c.get("env"));
  const accountKey = `desk-login-account:${await sha256Hex(email)}`;
  const [perAccount, perIp] = await Promise.all([
    loginBackoff(env, c.env.lobby.parties, accountKey, "attempt"),
    takeRateLimit(env, c.env.lobby.parties, `desk-login-ip:${await sha256Hex(ip)}`, LOGIN_LIMIT_PER_IP),
  ]);
  const refused = [perAccount, perIp].filter((r) => !r.allowed);
  if (refused.length > 0) {
    const retryAfterSeconds = Math.max(1, ...refused.map((r) => r.retryAfterSeconds));
    return rateLimitedResponse(retryAfterSeconds, "sign-in attempts");
  }

  const staff = await findStaffByEmail(db, email);
  // Unknown emails still pay for a full PBKDF2 run, so timing does not tell which exist.
  const ok = await verifyPassword(password, staff?.passwordHash ?? DECOY_PASSWORD_HASH);
  if (!staff || !ok || !staff.active) {
    // Managers see these on the desk; an unknown email has no account to file it under.
    if (staff) {
      const detail = staff.active ? null : "deactivated";
      await recordAudit(db, { staffId: staff.id, action: "login.failed", detail, at: Date.now() });
    }
    return apiErrorResponse(401, "invalid_credentials", "That email and password don't match a staff account.");
  }
  await loginBackoff(env, c.env.lobby.parties, accountKey, "succeeded");

  const now = Date.now();
  const { token, expiresAt } = await signStaffSession(
    { staffId: staff.id, role: staff.role, propertyId: staff.propertyId },
    env.SESSION_SECRET,
    now,
  );
  await recordAudit(db, { staffId: staff.id, action: "login", detail: sessionDetail(expiresAt), at: now });
  setStaffCookie(c, token, expiresAt, now);
  return c.json({ ok: true, expiresAt });
});

export const sessionRoutes = new Hono<DeskEnv>();

sessionRoutes.get("/me", (c) => {
  const me = toMe(c.get("staff"));
  return me ? c.json(me) : noProperty();
});

sessionRoutes.post("/logout", async (c) => {
  const staff = c.get("staff");
  // This row is also the revocation: a copy of the cookie stops working now, not at expiry.
  await recordAudit(c.get("db"), {
    staffId: staff.staffId,
    action: "logout",
    detail: sessionDetail(staff.expiresAt),
    at: Date.now(),
  });
  await closeStaffSockets(c.get("env"), c.get("db"), c.env.lobby.parties, staff.homePropertyId, {
    staffId: staff.staffId,
    expiresAt: staff.expiresAt,
  });
  clearStaffCookie(c);
  return c.json({ ok: true });
});
