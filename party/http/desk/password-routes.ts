// Passwords: a signed-in person changes their own (knowing the current one), and a
// one-time link from a manager sets one (an invitation or a reset). New passwords
// pass the same policy either way. A new password ends the person's other sessions and
// their board sockets (a link ends all of them): whoever held a stolen session loses it.
import { Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { findStaffById, sessionDetail } from "../../../db/queries/staff";
import { findUsableToken, redeemPasswordToken, setPasswordHash } from "../../../db/queries/staff-accounts";
import { hashPassword, verifyPassword } from "../../../domain/password";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from "../../../domain/password-policy";
import { changePasswordRequest, setPasswordRequest } from "../../../shared/staff-protocol";
import { apiErrorResponse, rateLimitedResponse, readJsonBody } from "../../http-json";
import { sha256Hex } from "../../sha256";
import type { AppEnv } from "../app-env";
import { clientIp, loginBackoff, takeRateLimit } from "../rate-limit";
import type { DeskEnv } from "./context";
import { closeStaffSockets } from "./end-sessions";

/** Guessing link tokens is hopeless (256 bits); this only keeps a script from hammering PBKDF2. */
const SET_PASSWORD_LIMIT_PER_IP = { limit: 20, windowMs: 15 * 60_000 };

function weakPassword(field: string, password: string, email: string): Response | null {
  const problem = passwordProblem(password, email);
  if (!problem) return null;
  const message = PASSWORD_PROBLEM_MESSAGES[problem];
  return apiErrorResponse(400, "validation", message, { fields: { [field]: message } });
}

export const setPasswordRoutes = new Hono<AppEnv>();

setPasswordRoutes.post("/set-password", async (c) => {
  const env = c.get("env");
  const db = c.get("db");
  const ip = clientIp(c.req.raw, env);
  const limit = await takeRateLimit(env, c.env.lobby.parties, `set-password:ip:${ip}`, SET_PASSWORD_LIMIT_PER_IP);
  if (!limit.allowed) return rateLimitedResponse(limit.retryAfterSeconds);
  const body = await readJsonBody(c.req.raw, setPasswordRequest);
  if (!body.ok) return body.response;
  const tokenHash = await sha256Hex(body.value.token);
  const now = Date.now();
  const owner = await findUsableToken(db, tokenHash, now);
  const expired = () =>
    apiErrorResponse(
      410,
      "link_expired",
      "This link has expired or has already been used. Ask a manager for a new one.",
    );
  if (!owner) return expired();
  const weak = weakPassword("password", body.value.password, owner.email);
  if (weak) return weak;
  const redeemed = await redeemPasswordToken(db, tokenHash, await hashPassword(body.value.password), now);
  if (!redeemed) return expired();
  // This row ends every session signed in before it (findStaffForSession); then their sockets close.
  await recordAudit(db, { staffId: redeemed.staffId, action: "password.set", detail: redeemed.purpose, at: now });
  // An invited account never had a session; a reset one may have several open.
  if (redeemed.purpose === "reset") {
    await closeStaffSockets(env, db, c.env.lobby.parties, owner.propertyId, { staffId: redeemed.staffId });
  }
  return c.json({ ok: true, email: redeemed.email });
});

export const accountRoutes = new Hono<DeskEnv>();

accountRoutes.post("/account/password", async (c) => {
  const env = c.get("env");
  const db = c.get("db");
  const me = c.get("staff");
  const body = await readJsonBody(c.req.raw, changePasswordRequest);
  if (!body.ok) return body.response;
  // A borrowed session guessing the current password meets the same backoff as the sign-in form.
  const accountKey = `desk-login-account:${await sha256Hex(me.email)}`;
  const attempt = await loginBackoff(env, c.env.lobby.parties, accountKey, "attempt");
  if (!attempt.allowed) return rateLimitedResponse(attempt.retryAfterSeconds);
  const account = await findStaffById(db, me.staffId);
  if (!account || !(await verifyPassword(body.value.currentPassword, account.passwordHash))) {
    const detail = "current password on change";
    await recordAudit(db, { staffId: me.staffId, action: "login.failed", detail, at: Date.now() });
    return apiErrorResponse(400, "validation", "Your current password is not right", {
      fields: { currentPassword: "Your current password is not right" },
    });
  }
  await loginBackoff(env, c.env.lobby.parties, accountKey, "succeeded");
  const weak = weakPassword("newPassword", body.value.newPassword, me.email);
  if (weak) return weak;
  if (body.value.newPassword === body.value.currentPassword) {
    return apiErrorResponse(400, "validation", "Choose a password different from your current one", {
      fields: { newPassword: "Choose a password different from your current one" },
    });
  }
  await setPasswordHash(db, me.staffId, await hashPassword(body.value.newPassword));
  // The row names the session that made the change: every other one ends (findStaffForSession).
  const detail = sessionDetail(me.expiresAt);
  await recordAudit(db, { staffId: me.staffId, action: "password.change", detail, at: Date.now() });
  await closeStaffSockets(env, db, c.env.lobby.parties, me.homePropertyId, {
    staffId: me.staffId,
    keepExpiresAt: me.expiresAt,
  });
  return c.json({ ok: true });
});
