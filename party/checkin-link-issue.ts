// The one way a booking's check-in link is handed out (the desk's Copy link, the
// invitation and reminder): the token is derived, and its hash stored on first use.
import { ensureCheckinLinkHash } from "../db/queries/bookings";
import type { Database } from "../db/client";
import { checkinLinkHash, checkinLinkToken } from "../domain/checkin-link";

export async function issueCheckinLink(db: Database, secret: string, origin: string, reservationId: string) {
  const token = await checkinLinkToken(secret, reservationId);
  await ensureCheckinLinkHash(db, reservationId, await checkinLinkHash(token));
  return `${new URL(origin).origin}/checkin/${token}`;
}
