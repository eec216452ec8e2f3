// Managers run their property's staff: list, invite, reset a password, deactivate,
// and see failed sign-ins. A manager works on the property their desk shows; staff of
// any other property are answered as "not found". Links are one-time, valid 24 h,
// stored as a hash, and carry the token in the fragment so no server log holds it.
import { Hono } from "hono";
import type { Context } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { insertStaff } from "../../../db/queries/staff";
import {
  deactivateStaff,
  findStaffAt,
  issuePasswordToken,
  listStaffAt,
  signInFailuresAt,
} from "../../../db/queries/staff-accounts";
import { hashPassword } from "../../../domain/password";
import {
  SET_PASSWORD_PATH,
  staffInviteRequest,
  type SetPasswordLinkResponse,
  type SignInFailuresResponse,
  type StaffListEntry,
  type StaffListResponse,
} from "../../../shared/staff-protocol";
import { apiErrorResponse, readJsonBody } from "../../http-json";
import { randomId } from "../../random";
import { sha256Hex } from "../../sha256";
import { requireManager, type DeskEnv } from "./context";
import { closeStaffSockets } from "./end-sessions";

export const SET_PASSWORD_LINK_TTL_MS = 24 * 3600_000;
const FAILURES_SHOWN_FOR_MS = 7 * 24 * 3600_000;

export const staffAccountRoutes = new Hono<DeskEnv>();
staffAccountRoutes.use("/staff/*", requireManager);
staffAccountRoutes.use("/staff", requireManager);
staffAccountRoutes.use("/sign-in-failures", requireManager);

function scope(c: Context<DeskEnv>): string | null {
  const manager = c.get("staff");
  return manager.homePropertyId ?? manager.property?.id ?? null;
}

function listEntry(row: {
  id: string;
  email: string;
  displayName: string;
  role: StaffListEntry["role"];
}): StaffListEntry {
  return { staffId: row.id, email: row.email, displayName: row.displayName, role: row.role, active: true };
}

const notFound = () => apiErrorResponse(404, "not_found", "No such staff member at this property.");

async function newLink(
  c: Context<DeskEnv>,
  member: StaffListEntry,
  purpose: "invite" | "reset",
): Promise<SetPasswordLinkResponse> {
  const token = randomId(32);
  const now = Date.now();
  const expiresAt = now + SET_PASSWORD_LINK_TTL_MS;
  await issuePasswordToken(c.get("db"), {
    tokenHash: await sha256Hex(token),
    staffId: member.staffId,
    purpose,
    createdBy: c.get("staff").staffId,
    createdAt: now,
    expiresAt,
  });
  const origin = new URL(c.get("env").SELF_URL).origin;
  return { member, link: `${origin}${SET_PASSWORD_PATH}#${token}`, expiresAt };
}

staffAccountRoutes.get("/staff", async (c) => {
  const propertyId = scope(c);
  if (!propertyId) return c.json({ staff: [] } satisfies StaffListResponse);
  return c.json({ staff: await listStaffAt(c.get("db"), propertyId) } satisfies StaffListResponse);
});

staffAccountRoutes.post("/staff/invite", async (c) => {
  const propertyId = scope(c);
  if (!propertyId) return apiErrorResponse(409, "no_property", "Set up a property before inviting staff.");
  const body = await readJsonBody(c.req.raw, staffInviteRequest);
  if (!body.ok) return body.response;
  const now = Date.now();
  const created = await insertStaff(c.get("db"), {
    id: `staff-${crypto.randomUUID()}`,
    email: body.value.email,
    displayName: body.value.displayName,
    role: body.value.role,
    // Nobody knows this password: the account opens only through the link.
    passwordHash: await hashPassword(randomId(32)),
    propertyId,
    createdAt: now,
  });
  if (!created) {
    return apiErrorResponse(409, "email_taken", "There is already a staff account with that email.", {
      fields: { email: "There is already a staff account with that email" },
    });
  }
  const member = listEntry(created);
  const answer = await newLink(c, member, "invite");
  const detail = `${created.role} ${created.id}`;
  await recordAudit(c.get("db"), { staffId: c.get("staff").staffId, action: "staff.invite", detail, at: now });
  return c.json(answer, 201);
});

staffAccountRoutes.post("/staff/:staffId/reset-password", async (c) => {
  const propertyId = scope(c);
  const target = propertyId ? await findStaffAt(c.get("db"), c.req.param("staffId"), propertyId) : null;
  if (!target) return notFound();
  if (!target.active) return apiErrorResponse(409, "inactive", "This account is deactivated.");
  const member = listEntry(target);
  const answer = await newLink(c, member, "reset");
  const by = c.get("staff").staffId;
  await recordAudit(c.get("db"), { staffId: by, action: "staff.reset", detail: target.id, at: Date.now() });
  return c.json(answer);
});

staffAccountRoutes.post("/staff/:staffId/deactivate", async (c) => {
  const manager = c.get("staff");
  const propertyId = scope(c);
  const target = propertyId ? await findStaffAt(c.get("db"), c.req.param("staffId"), propertyId) : null;
  if (!target) return notFound();
  if (target.id === manager.staffId) return apiErrorResponse(409, "self", "You cannot deactivate your own account.");
  const now = Date.now();
  // The flag is what every request and socket checks, so it goes first; the sockets follow.
  await deactivateStaff(c.get("db"), target.id, now);
  await recordAudit(c.get("db"), { staffId: manager.staffId, action: "staff.deactivate", detail: target.id, at: now });
  await closeStaffSockets(c.get("env"), c.get("db"), c.env.lobby.parties, target.propertyId, { staffId: target.id });
  return c.json({ ok: true });
});

staffAccountRoutes.get("/sign-in-failures", async (c) => {
  const propertyId = scope(c);
  const since = Date.now() - FAILURES_SHOWN_FOR_MS;
  const failures = propertyId ? await signInFailuresAt(c.get("db"), propertyId, since) : [];
  return c.json({ failures } satisfies SignInFailuresResponse);
});
