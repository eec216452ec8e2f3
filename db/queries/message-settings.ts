// A property's message settings; no row means the defaults.
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { messageSettings } from "../schema";

export type MessageSettings = Omit<typeof messageSettings.$inferSelect, "propertyId" | "updatedAt">;

export const DEFAULT_MESSAGE_SETTINGS: MessageSettings = {
  invitation: true,
  reminder: true,
  doorCode: true,
  codeConfirmed: true,
  codesInMessages: false,
};

export async function messageSettingsOf(db: Database, propertyId: string): Promise<MessageSettings> {
  const [row] = await db.select().from(messageSettings).where(eq(messageSettings.propertyId, propertyId)).limit(1);
  if (!row) return DEFAULT_MESSAGE_SETTINGS;
  const { propertyId: _p, updatedAt: _u, ...settings } = row;
  return settings;
}

export async function saveMessageSettings(
  db: Database,
  propertyId: string,
  settings: MessageSettings,
  now: number,
): Promise<void> {
  await db
    .insert(messageSettings)
    .values({ propertyId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: messageSettings.propertyId, set: { ...settings, updatedAt: now } });
}
