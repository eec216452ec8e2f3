// The message log: delivery reports and opt-outs as the providers' webhooks report them.
// Scheduling and sending (the rows' creation and their scheduled → sent path) live beside
// the scheduler that owns them.
import { and, eq, inArray } from "drizzle-orm";
import type { DeliveryReport } from "../../party/messages/channel";
import type { Database } from "../client";
import { message, messageOptOut } from "../schema";

/**
 * Applies one verified delivery report. Unknown ids change nothing (a report for another
 * deployment's message, or one already purged). Reports only move forward: from handed
 * over to an outcome, or from delivered to a later bounce; never from a bounce or a
 * failure back to delivered, so out-of-order or replayed webhooks cannot undo one.
 * Returns whether a row changed.
 */
export async function applyDeliveryReport(db: Database, report: DeliveryReport): Promise<boolean> {
  const status = report.status === "complained" ? "delivered" : report.status;
  const changed = await db
    .update(message)
    .set({ status, statusDetail: report.detail ?? null, updatedAt: Math.max(report.at, 0) })
    .where(
      and(
        eq(message.provider, report.provider),
        eq(message.providerMessageId, report.providerMessageId),
        // A complaint comes after delivery: it keeps `delivered` and adds its words.
        status === "delivered" && report.status !== "complained"
          ? inArray(message.status, ["sending", "sent"])
          : inArray(message.status, ["sending", "sent", "delivered"]),
      ),
    )
    .returning({ id: message.id });
  return changed.length > 0;
}

export type OptOutSource = (typeof messageOptOut.$inferInsert)["source"];

/** Normalised as stored: emails lower-cased, phones as given (E.164 from the providers). */
export function optOutAddress(channel: "email" | "sms", address: string): string {
  return channel === "email" ? address.trim().toLowerCase() : address.trim();
}

/** Idempotent: a second STOP or a second click keeps the first record. */
export async function recordOptOut(
  db: Database,
  entry: { propertyId: string; channel: "email" | "sms"; address: string; source: OptOutSource; at: number },
): Promise<void> {
  await db
    .insert(messageOptOut)
    .values({
      propertyId: entry.propertyId,
      channel: entry.channel,
      address: optOutAddress(entry.channel, entry.address),
      source: entry.source,
      createdAt: entry.at,
    })
    .onConflictDoNothing();
}

/**
 * An SMS STOP names only the phone: it opts out of every property that has messaged that
 * number (one Twilio sender may serve several properties of one deployment).
 */
export async function recordSmsStop(db: Database, phone: string, at: number): Promise<number> {
  const properties = await db
    .selectDistinct({ propertyId: message.propertyId })
    .from(message)
    .where(and(eq(message.channel, "sms"), eq(message.recipient, optOutAddress("sms", phone))));
  for (const { propertyId } of properties) {
    await recordOptOut(db, { propertyId, channel: "sms", address: phone, source: "sms-stop", at });
  }
  return properties.length;
}

export async function isOptedOut(
  db: Database,
  propertyId: string,
  channel: "email" | "sms",
  address: string,
): Promise<boolean> {
  const rows = await db
    .select({ address: messageOptOut.address })
    .from(messageOptOut)
    .where(
      and(
        eq(messageOptOut.propertyId, propertyId),
        eq(messageOptOut.channel, channel),
        eq(messageOptOut.address, optOutAddress(channel, address)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
