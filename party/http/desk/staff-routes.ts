// Managers add staff accounts. A manager tied to a property can only add people to
// it; a manager of every property chooses (default: the property their desk shows).
import { Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { findProperty, insertStaff } from "../../../db/queries/staff";
import { hashPassword } from "../../../domain/password";
import { canAccessProperty } from "../../../domain/staff-session";
import { deskCreateStaffRequest, type DeskStaffMember } from "../../../shared/protocol/desk-http";
import { apiErrorResponse, readJsonBody } from "../../http-json";
import { requireManager, type DeskEnv } from "./context";

export const staffRoutes = new Hono<DeskEnv>();

staffRoutes.post("/staff", requireManager, async (c) => {
  const db = c.get("db");
  const manager = c.get("staff");
  const body = await readJsonBody(c.req.raw, deskCreateStaffRequest);
  if (!body.ok) return body.response;
  const req = body.value;

  // Omitted: the manager's own desk property. Explicit null: every property (managers only).
  const propertyId: string | null =
    req.propertyId === undefined ? (manager.homePropertyId ?? manager.property?.id ?? null) : req.propertyId;
  if (propertyId === null) {
    if (req.role !== "manager" || manager.homePropertyId !== null) {
      return apiErrorResponse(400, "validation", "Choose the property this person works at.", {
        fields: { propertyId: "Staff belong to one property" },
      });
    }
  } else {
    if (
      !canAccessProperty(
        { staffId: manager.staffId, role: manager.role, propertyId: manager.homePropertyId },
        propertyId,
      )
    ) {
      return apiErrorResponse(403, "forbidden", "You can only add staff to your own property.");
    }
    if (!(await findProperty(db, propertyId))) {
      return apiErrorResponse(400, "validation", "No such property.", { fields: { propertyId: "No such property" } });
    }
  }

  const now = Date.now();
  const created = await insertStaff(db, {
    id: `staff-${crypto.randomUUID()}`,
    email: req.email,
    displayName: req.displayName,
    role: req.role,
    passwordHash: await hashPassword(req.password),
    propertyId,
    createdAt: now,
  });
  if (!created) {
    return apiErrorResponse(409, "email_taken", "There is already a staff account with that email.", {
      fields: { email: "Already in use" },
    });
  }
  await recordAudit(db, {
    staffId: manager.staffId,
    action: "staff.create",
    detail: `${created.role} ${created.id}${created.propertyId ? ` at ${created.propertyId}` : ""}`,
    at: now,
  });
  const member: DeskStaffMember = {
    staffId: created.id,
    email: created.email,
    displayName: created.displayName,
    role: created.role,
    propertyId: created.propertyId,
  };
  return c.json(member, 201);
});
