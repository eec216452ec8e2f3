// The check-in session a desk route names in its path, seen only by staff of its property.
import type { Context } from "hono";
import { findDeskSession } from "../../../db/queries/desk-sessions";
import { canAccessProperty } from "../../../domain/staff-session";
import { sessionId as sessionIdSchema } from "../../../shared/protocol/common";
import { apiErrorResponse } from "../../http-json";
import type { DeskEnv } from "./context";

export type DeskSession = NonNullable<Awaited<ReturnType<typeof findDeskSession>>>;

/** The session named in the path, if it exists and belongs to a property this staff member works at. */
export async function sessionInScope(c: Context<DeskEnv>): Promise<DeskSession | Response> {
  const id = sessionIdSchema.safeParse(c.req.param("sessionId"));
  if (!id.success) return apiErrorResponse(404, "not_found", "No such check-in session.");
  const session = await findDeskSession(c.get("db"), id.data);
  const staff = c.get("staff");
  // Another property's session answers exactly like a missing one: no probing across hotels.
  if (
    !session ||
    !canAccessProperty(
      { staffId: staff.staffId, role: staff.role, propertyId: staff.homePropertyId },
      session.propertyId,
    )
  ) {
    return apiErrorResponse(404, "not_found", "No such check-in session.");
  }
  return session;
}
