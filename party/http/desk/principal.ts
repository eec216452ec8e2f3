// Who is calling the desk: the fd_staff cookie, checked for signature and expiry, then
// against the database (the account still exists and is active, this session was not logged out
// or ended by a password change).
// Role and property come from the database, not the token, so a demotion or a move to
// another property takes effect on the next request.
import type { Database } from "../../../db/client";
import { findStaffForSession, type PropertyRow } from "../../../db/queries/staff";
import { readCookie, STAFF_COOKIE, verifyStaffSession, type StaffRole } from "../../../domain/staff-session";

export interface StaffPrincipal {
  staffId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** As stored: null for a manager who may see every property. */
  homePropertyId: string | null;
  /** The property this desk shows; null only when no property exists yet. */
  property: PropertyRow | null;
  /** When this session ends; also its identity for logout. */
  expiresAt: number;
}

export async function principalFromCookieHeader(
  db: Database,
  cookieHeader: string | null | undefined,
  secret: string,
  now: number,
): Promise<StaffPrincipal | null> {
  const session = await verifyStaffSession(readCookie(cookieHeader, STAFF_COOKIE), secret, now);
  if (!session) return null;
  const found = await findStaffForSession(db, session.staffId, session.expiresAt);
  if (!found || found.ended || !found.staff.active) return null;
  const { staff, property } = found;
  return {
    staffId: staff.id,
    email: staff.email,
    displayName: staff.displayName,
    role: staff.role,
    homePropertyId: staff.propertyId,
    property,
    expiresAt: session.expiresAt,
  };
}
