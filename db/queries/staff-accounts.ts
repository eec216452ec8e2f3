// Staff management: the people of one property, their set-password links and their
// failed sign-ins. Every query is scoped by property id, so one hotel's managers never
// see another's staff.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, staff, staffPasswordToken } from "../schema";

export async function listStaffAt(db: Database, propertyId: string) {
  return db
    .select({
      staffId: staff.id,
      email: staff.email,
      displayName: staff.displayName,
      role: staff.role,
      active: staff.active,
    })
    .from(staff)
    .where(eq(staff.propertyId, propertyId))
    .orderBy(staff.displayName, staff.id);
}

export async function findStaffAt(db: Database, staffId: string, propertyId: string) {
  const rows = await db
    .select()
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.propertyId, propertyId)))
    .limit(1);
  return rows[0] ?? null;
}

export interface NewPasswordToken {
  tokenHash: string;
  staffId: string;
  purpose: "invite" | "reset";
  createdBy: string;
  createdAt: number;
  expiresAt: number;
}

/** A new link replaces every earlier unused one of that person: only the latest works. */
export async function issuePasswordToken(db: Database, token: NewPasswordToken): Promise<void> {
  await db.batch([
    db
      .update(staffPasswordToken)
      .set({ usedAt: token.createdAt })
      .where(and(eq(staffPasswordToken.staffId, token.staffId), isNull(staffPasswordToken.usedAt))),
    db.insert(staffPasswordToken).values(token),
  ]);
}

/**
 * Spends a link and sets the password. Marking the link used is one conditional
 * UPDATE, so two uses racing each other cannot both succeed.
 */
export async function redeemPasswordToken(db: Database, tokenHash: string, passwordHash: string, now: number) {
  const spent = await db
    .update(staffPasswordToken)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffPasswordToken.tokenHash, tokenHash),
        isNull(staffPasswordToken.usedAt),
        gt(staffPasswordToken.expiresAt, now),
      ),
    )
    .returning({ staffId: staffPasswordToken.staffId, purpose: staffPasswordToken.purpose });
  const token = spent[0];
  if (!token) return null;
  const updated = await db
    .update(staff)
    .set({ passwordHash })
    .where(and(eq(staff.id, token.staffId), eq(staff.active, true)))
    .returning({ staffId: staff.id, email: staff.email });
  return updated[0] ? { ...updated[0], purpose: token.purpose } : null;
}

export async function setPasswordHash(db: Database, staffId: string, passwordHash: string): Promise<void> {
  await db.update(staff).set({ passwordHash }).where(eq(staff.id, staffId));
}

export async function deactivateStaff(db: Database, staffId: string, now: number): Promise<void> {
  await db.batch([
    db.update(staff).set({ active: false }).where(eq(staff.id, staffId)),
    // A link issued before the deactivation must not bring the account back.
    db
      .update(staffPasswordToken)
      .set({ usedAt: now })
      .where(and(eq(staffPasswordToken.staffId, staffId), isNull(staffPasswordToken.usedAt))),
  ]);
}

export async function signInFailuresAt(db: Database, propertyId: string, since: number, limit = 100) {
  return db
    .select({
      staffId: staff.id,
      email: staff.email,
      displayName: staff.displayName,
      at: auditLog.at,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .innerJoin(staff, eq(staff.id, auditLog.staffId))
    .where(and(eq(staff.propertyId, propertyId), eq(auditLog.action, "login.failed"), gt(auditLog.at, since)))
    .orderBy(desc(auditLog.at))
    .limit(limit);
}

/** The account a still-usable link belongs to, to check the new password against its email first. */
export async function findUsableToken(db: Database, tokenHash: string, now: number) {
  const rows = await db
    .select({ staffId: staff.id, email: staff.email, propertyId: staff.propertyId })
    .from(staffPasswordToken)
    .innerJoin(staff, eq(staff.id, staffPasswordToken.staffId))
    .where(
      and(
        eq(staffPasswordToken.tokenHash, tokenHash),
        isNull(staffPasswordToken.usedAt),
        gt(staffPasswordToken.expiresAt, now),
        eq(staff.active, true),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}
