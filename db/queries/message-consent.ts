// Consent the guest gives back: an SMS START after a STOP. Kept beside the message log's
// opt-outs (./messages.ts), which it undoes.
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { messageOptOut } from "../schema";
import { optOutAddress } from "./messages";

/**
 * A START re-subscribes the number everywhere its STOP applied. Only STOP records are
 * removed: an opt-out staff set by hand stays until staff remove it.
 */
export async function recordSmsStart(db: Database, phone: string): Promise<number> {
  const removed = await db
    .delete(messageOptOut)
    .where(
      and(
        eq(messageOptOut.channel, "sms"),
        eq(messageOptOut.address, optOutAddress("sms", phone)),
        eq(messageOptOut.source, "sms-stop"),
      ),
    )
    .returning({ propertyId: messageOptOut.propertyId });
  return removed.length;
}
