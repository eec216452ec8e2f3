// Who may open a property's live board: a signed-in staff member of that property, or
// a manager not tied to one. Runs in onBeforeConnect, before the socket reaches the
// room, with the same check the desk HTTP routes use (signature, expiry, account
// still there, session not logged out).
import { canAccessProperty, type StaffRole } from "../../domain/staff-session";
import { database } from "../database";
import type { RuntimeEnv } from "../env";
import { principalFromCookieHeader } from "../http/desk/principal";

export interface DeskSocketStaff {
  staffId: string;
  role: StaffRole;
  propertyId: string | null;
  expiresAt: number;
}

export async function authorizeDeskSocket(
  req: Request,
  env: RuntimeEnv,
  propertyId: string,
): Promise<DeskSocketStaff | null> {
  const staff = await principalFromCookieHeader(
    database(env),
    req.headers.get("cookie"),
    env.SESSION_SECRET,
    Date.now(),
  );
  if (!staff) return null;
  const claims = { staffId: staff.staffId, role: staff.role, propertyId: staff.homePropertyId };
  return canAccessProperty(claims, propertyId) ? { ...claims, expiresAt: staff.expiresAt } : null;
}
