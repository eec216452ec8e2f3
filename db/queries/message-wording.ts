// A property's own message wordings, per kind and language; no row means the built-in words.
import { and, eq } from "drizzle-orm";
import type { GuestMessageKind } from "../../domain/messages/kinds";
import type { Wording } from "../../domain/messages/wording";
import type { Database } from "../client";
import { messageWording } from "../schema";

export const wordingKey = (kind: GuestMessageKind, language: string) => `${kind}:${language}`;

/** Every wording of the property, by `kind:language`: one query for a whole planning run. */
export async function wordingsOf(db: Database, propertyId: string): Promise<Map<string, Wording>> {
  const rows = await db.select().from(messageWording).where(eq(messageWording.propertyId, propertyId));
  return new Map(rows.map((r) => [wordingKey(r.kind, r.language), { subject: r.subject, body: r.body, sms: r.sms }]));
}

export async function wordingOf(
  db: Database,
  propertyId: string,
  kind: GuestMessageKind,
  language: string,
): Promise<Wording | null> {
  const [row] = await db
    .select()
    .from(messageWording)
    .where(
      and(
        eq(messageWording.propertyId, propertyId),
        eq(messageWording.kind, kind),
        eq(messageWording.language, language),
      ),
    )
    .limit(1);
  return row ? { subject: row.subject, body: row.body, sms: row.sms } : null;
}

export async function saveWording(
  db: Database,
  row: { propertyId: string; kind: GuestMessageKind; language: string; staffId: string; now: number },
  wording: Wording,
): Promise<void> {
  const values = { ...wording, updatedAt: row.now, updatedBy: row.staffId };
  await db
    .insert(messageWording)
    .values({ propertyId: row.propertyId, kind: row.kind, language: row.language, ...values })
    .onConflictDoUpdate({
      target: [messageWording.propertyId, messageWording.kind, messageWording.language],
      set: values,
    });
}

/** Back to the built-in words; answers whether there was a wording to remove. */
export async function resetWording(
  db: Database,
  propertyId: string,
  kind: GuestMessageKind,
  language: string,
): Promise<boolean> {
  const removed = await db
    .delete(messageWording)
    .where(
      and(
        eq(messageWording.propertyId, propertyId),
        eq(messageWording.kind, kind),
        eq(messageWording.language, language),
      ),
    )
    .returning({ kind: messageWording.kind });
  return removed.length > 0;
}
