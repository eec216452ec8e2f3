// A property's API keys: created and revoked by managers, looked up by hash on every
// /api/v1 request. Every query that lists or changes keys is scoped by property.
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../client";
import { apiKey, property } from "../schema";

export type ApiKeyRow = typeof apiKey.$inferSelect;

export async function insertApiKey(db: Database, row: typeof apiKey.$inferInsert): Promise<void> {
  await db.insert(apiKey).values(row);
}

export async function apiKeysOf(db: Database, propertyId: string) {
  return db
    .select({
      id: apiKey.id,
      name: apiKey.name,
      prefix: apiKey.prefix,
      createdAt: apiKey.createdAt,
      lastUsedAt: apiKey.lastUsedAt,
      revokedAt: apiKey.revokedAt,
    })
    .from(apiKey)
    .where(eq(apiKey.propertyId, propertyId))
    .orderBy(desc(apiKey.createdAt));
}

/** The live key with this hash and its property, or null (unknown or revoked). */
export async function findLiveApiKey(db: Database, keyHash: string) {
  const rows = await db
    .select({ key: apiKey, property })
    .from(apiKey)
    .innerJoin(property, eq(property.id, apiKey.propertyId))
    .where(and(eq(apiKey.keyHash, keyHash), isNull(apiKey.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** false when there is no such live key at this property. */
export async function revokeApiKey(db: Database, propertyId: string, id: string, now: number): Promise<boolean> {
  const rows = await db
    .update(apiKey)
    .set({ revokedAt: now })
    .where(and(eq(apiKey.propertyId, propertyId), eq(apiKey.id, id), isNull(apiKey.revokedAt)))
    .returning({ id: apiKey.id });
  return rows.length > 0;
}

/** Only when the stored time is older than `staleBefore`: concurrent requests write it once. */
export async function touchApiKey(db: Database, id: string, now: number, staleBefore: number): Promise<void> {
  await db
    .update(apiKey)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKey.id, id), or(isNull(apiKey.lastUsedAt), lt(apiKey.lastUsedAt, staleBefore))));
}
