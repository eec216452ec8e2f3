// Staff accounts and the properties they work at.
import { asc, eq, sql } from "drizzle-orm";
import { STAFF_SESSION_TTL_MS, type StaffRole } from "../../domain/staff-session";
import type { Database } from "../client";
import { auditLog, property, staff } from "../schema";

export type StaffRow = typeof staff.$inferSelect;
export type PropertyRow = typeof property.$inferSelect;

/** Emails are stored lower-cased and trimmed; callers pass them the same way. */
export async function findStaffByEmail(db: Database, email: string): Promise<StaffRow | null> {
  const rows = await db.select().from(staff).where(eq(staff.email, email)).limit(1);
  return rows[0] ?? null;
}

export async function findStaffById(db: Database, id: string): Promise<StaffRow | null> {
  const rows = await db.select().from(staff).where(eq(staff.id, id)).limit(1);
  return rows[0] ?? null;
}

export interface NewStaff {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
  propertyId: string | null;
  createdAt: number;
}

/** null when the email is taken: the unique index decides, so two racing adds cannot both win. */
export async function insertStaff(db: Database, row: NewStaff): Promise<StaffRow | null> {
  const inserted = await db.insert(staff).values(row).onConflictDoNothing({ target: staff.email }).returning();
  return inserted[0] ?? null;
}

export async function findProperty(db: Database, id: string): Promise<PropertyRow | null> {
  const rows = await db.select().from(property).where(eq(property.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The property an unattached manager works on: the first by id (the only one in a single-hotel install). */
export async function defaultProperty(db: Database): Promise<PropertyRow | null> {
  const rows = await db.select().from(property).orderBy(asc(property.id)).limit(1);
  return rows[0] ?? null;
}

/** Names one staff session in audit rows; a `logout` row with it revokes that session. */
export function sessionDetail(expiresAt: number): string {
  return `session ${expiresAt}`;
}

/**
 * The staff member behind a verified session token, the property their desk shows
 * (their own, or the first one for a manager not tied to one), and whether that exact
 * session was logged out or outlived by a password change. One round trip: this runs on every
 * desk request and socket.
 */
export async function findStaffForSession(db: Database, staffId: string, expiresAt: number) {
  const rows = await db
    .select({
      staff,
      property,
      loggedOut: sql<number>`exists (select 1 from ${auditLog} where ${auditLog.staffId} = ${staff.id}
        and ${auditLog.action} = 'logout' and ${auditLog.detail} = ${sessionDetail(expiresAt)})`,
      // A new password ends every session signed in before it, except the one that changed it
      // (its row names that session); a password set through a link names none.
      passwordChanged: sql<number>`exists (select 1 from ${auditLog} where ${auditLog.staffId} = ${staff.id}
        and ${auditLog.action} in ('password.change', 'password.set') and ${auditLog.at} > ${expiresAt - STAFF_SESSION_TTL_MS}
        and (${auditLog.detail} is null or ${auditLog.detail} <> ${sessionDetail(expiresAt)}))`,
    })
    .from(staff)
    .leftJoin(
      property,
      eq(property.id, sql`coalesce(${staff.propertyId}, (select min(${property.id}) from ${property}))`),
    )
    .where(eq(staff.id, staffId))
    .limit(1);
  const row = rows[0];
  return row
    ? {
        staff: row.staff,
        property: row.property,
        ended: Boolean(row.loggedOut) || Boolean(row.passwordChanged),
      }
    : null;
}

/** Every property's id: a manager not tied to one may have a board open on any of them. */
export async function listPropertyIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: property.id }).from(property).orderBy(asc(property.id));
  return rows.map((r) => r.id);
}
