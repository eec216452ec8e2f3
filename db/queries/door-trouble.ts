// Backup-code pools per lock and the door-trouble log, each query scoped by property.
import { and, asc, count, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { backupCode, doorTrouble } from "../schema";

export type DoorTroubleRow = typeof doorTrouble.$inferInsert;

export async function recordDoorTrouble(db: Database, row: DoorTroubleRow): Promise<void> {
  await db.insert(doorTrouble).values(row);
}

export async function addBackupCode(
  db: Database,
  row: { id: string; propertyId: string; lockId: string; codeCipher: string; hint: string; createdAt: number },
): Promise<void> {
  await db.insert(backupCode).values(row);
}

/** The pool as staff see it: hints only, never the sealed digits. */
export async function backupCodesOf(db: Database, propertyId: string) {
  return db
    .select({
      id: backupCode.id,
      lockId: backupCode.lockId,
      hint: backupCode.hint,
      createdAt: backupCode.createdAt,
      assignedSessionId: backupCode.assignedSessionId,
      assignedAt: backupCode.assignedAt,
    })
    .from(backupCode)
    .where(eq(backupCode.propertyId, propertyId))
    .orderBy(asc(backupCode.lockId), asc(backupCode.createdAt));
}

/** Only a code still in the pool can be taken out of it; one given to a guest stays on record. */
export async function deleteUnusedBackupCode(db: Database, propertyId: string, id: string): Promise<boolean> {
  const gone = await db
    .delete(backupCode)
    .where(and(eq(backupCode.id, id), eq(backupCode.propertyId, propertyId), isNull(backupCode.assignedSessionId)))
    .returning({ id: backupCode.id });
  return gone.length > 0;
}

/**
 * The code this session holds for this lock, else the oldest free one claimed for it in
 * one statement, so two rooms racing for the last code never both get it. Null: pool empty.
 */
export async function claimBackupCode(
  db: Database,
  claim: { propertyId: string; lockId: string; sessionId: string; now: number },
): Promise<string | null> {
  const held = await db
    .select({ cipher: backupCode.codeCipher })
    .from(backupCode)
    .where(
      and(
        eq(backupCode.propertyId, claim.propertyId),
        eq(backupCode.lockId, claim.lockId),
        eq(backupCode.assignedSessionId, claim.sessionId),
      ),
    )
    .limit(1);
  if (held[0]) return held[0].cipher;
  const claimed = await db
    .update(backupCode)
    .set({ assignedSessionId: claim.sessionId, assignedAt: claim.now })
    .where(
      eq(
        backupCode.id,
        sql`(select ${backupCode.id} from ${backupCode} where ${backupCode.propertyId} = ${claim.propertyId}
          and ${backupCode.lockId} = ${claim.lockId} and ${backupCode.assignedSessionId} is null
          order by ${backupCode.createdAt} limit 1)`,
      ),
    )
    .returning({ cipher: backupCode.codeCipher });
  return claimed[0]?.cipher ?? null;
}

/** Door trouble guests reported in a range, for the analytics page. */
export async function doorTroubleCount(db: Database, propertyId: string, from: number, to: number): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(doorTrouble)
    .where(
      and(
        eq(doorTrouble.propertyId, propertyId),
        eq(doorTrouble.kind, "reported"),
        gte(doorTrouble.at, from),
        lt(doorTrouble.at, to),
      ),
    );
  return rows[0]?.n ?? 0;
}
