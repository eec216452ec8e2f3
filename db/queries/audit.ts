// The staff audit log: who did what to which reservation, and when. Rows are only
// ever inserted; PINs are never written here, only the fact that one was set or shown.
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog } from "../schema";

export const AUDIT_ACTIONS = [
  "login",
  "login.failed",
  "logout",
  "password.change",
  "password.set",
  "staff.create",
  "staff.invite",
  "staff.reset",
  "staff.deactivate",
  "pin.retry",
  "pin.manual",
  "pin.reveal",
  "analytics.export",
  "booking.create",
  "booking.edit",
  "booking.cancel",
  "booking.no-show",
  "booking.link",
  "booking.resend",
  "guest.stay-link-resend",
  "messages.settings",
  "messages.test",
  "messages.wording",
  "booking.import",
  "guest.export",
  "guest.erase",
  "property.update",
  "room.create",
  "room.update",
  "room.retire",
  "room.delete",
  "door.backup",
  "door.new-code",
  "backup-code.add",
  "backup-code.delete",
  "manual-lock.add",
  "manual-lock.code",
  "calendar.add",
  "calendar.remove",
  "apikey.create",
  "apikey.revoke",
  "webhook.create",
  "webhook.remove",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Null when the guest did it, having proved the booking (no staff member involved). */
  staffId: string | null;
  action: AuditAction;
  bookingRef?: string | null;
  sessionId?: string | null;
  /** Short free text (outcome, target email, range); never a PIN or a password. */
  detail?: string | null;
  at: number;
}

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    staffId: entry.staffId,
    action: entry.action,
    bookingRef: entry.bookingRef ?? null,
    sessionId: entry.sessionId ?? null,
    detail: entry.detail ?? null,
    at: entry.at,
  });
}

export async function auditEntries(
  db: Database,
  filter: { sessionId?: string; staffId?: string; action?: AuditAction } = {},
) {
  const conditions: SQL[] = [];
  if (filter.sessionId) conditions.push(eq(auditLog.sessionId, filter.sessionId));
  if (filter.staffId) conditions.push(eq(auditLog.staffId, filter.staffId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(auditLog.id));
}
